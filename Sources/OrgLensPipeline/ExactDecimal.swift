/// A decimal number held exactly: `mantissa × 10^-scale`. Rates and multipliers are read from their text,
/// so `1.13` is 113/100 and not the nearest binary fraction.
struct ExactDecimal: Sendable, Hashable {
    let mantissa: Int128
    let scale: Int

    /// Parses `1.08`, `0.012`, `1e-05`, `2.5E3`; nil for anything else.
    init?(_ text: String) {
        var mantissa: Int128 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        var exponentText: Substring?
        for (offset, character) in zip(text.indices, text) {
            if character == "e" || character == "E" {
                exponentText = text[text.index(after: offset)...]
                break
            }
            if character == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue, character.isASCII, digits < 30 else { return nil }
            mantissa = mantissa * 10 + Int128(digit)
            digits += 1
            if seenPoint { scale += 1 }
        }
        guard digits > 0 else { return nil }
        if let exponentText {
            guard let exponent = Int(exponentText), abs(exponent) < 20 else { return nil }
            scale -= exponent
        }
        while scale < 0 {
            mantissa *= 10
            scale += 1
        }
        self.mantissa = mantissa
        self.scale = scale
    }

    /// The decimal a `Double` was written as: its shortest round-tripping text (`1.08`, not 1.0800000000000000710…).
    init(_ value: Double) {
        self = ExactDecimal("\(value)") ?? ExactDecimal("0")!
    }

    /// `micro` (×10⁻⁶) × each factor, in cents, rounded once, half away from zero.
    static func cents(micro: Int64, times factors: [ExactDecimal]) -> Int64 {
        var numerator = Int128(micro)
        var scale = 4  // micro-units → cents
        for factor in factors {
            numerator *= factor.mantissa
            scale += factor.scale
        }
        var divisor: Int128 = 1
        for _ in 0..<scale { divisor *= 10 }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)
        return Int64(quotient + (remainder * 2 >= divisor ? 1 : 0))
    }
}
