/// A decimal number held exactly: `mantissa × 10^-scale`. Rates and multipliers are read from their text,
/// so `1.13` is 113/100 and not the nearest binary fraction.
package struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
    let mantissa: Int128
    let scale: Int

    /// Parses `1.08`, `0.012`, `1e-05`, `2.5E3`; nil for anything else.
    package init?(_ text: String) {
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
        // One representation per value: `1.080` is `1.08`.
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        self.mantissa = mantissa
        self.scale = scale
    }

    package var isPositive: Bool { mantissa > 0 }

    /// The digits as written, without trailing zeros: `1.3`, `0.012`.
    package var description: String {
        var digits = String(mantissa)
        guard scale > 0 else { return digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var text = String(digits.dropLast(scale)) + "." + String(digits.suffix(scale))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `micro` (×10⁻⁶) × each factor, in cents, rounded once, half away from zero.
    package static func cents(micro: Int64, times factors: [ExactDecimal]) -> Int64 {
        CentsScaling(factors).cents(micro: micro)
    }
}

/// A product of exact factors, worked out once and applied to many amounts (a currency's rate times the all-in
/// multiplier, for a million salaries): `cents(micro:)` gives what `ExactDecimal.cents(micro:times:)` does.
package struct CentsScaling: Sendable {
    private let mantissa: Int128
    private let divisor: Int128

    package init(_ factors: [ExactDecimal]) {
        var mantissa: Int128 = 1
        var scale = 4  // micro-units → cents
        for factor in factors {
            mantissa *= factor.mantissa
            scale += factor.scale
        }
        var divisor: Int128 = 1
        for _ in 0..<scale { divisor *= 10 }
        self.mantissa = mantissa
        self.divisor = divisor
    }

    /// `micro` (×10⁻⁶) × the factors, in cents, rounded once, half away from zero.
    package func cents(micro: Int64) -> Int64 {
        let (quotient, remainder) = (Int128(micro) * mantissa).quotientAndRemainder(dividingBy: divisor)
        return Int64(quotient + (remainder * 2 >= divisor ? 1 : 0))
    }
}

extension ExactDecimal: Comparable {
    /// Both brought to the larger scale; values are never negative (the text has no sign), so a mantissa that
    /// overflows on the way is the larger one.
    package static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        func scaled(_ value: ExactDecimal) -> Int128? {
            var mantissa = value.mantissa
            for _ in value.scale..<scale {
                let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                mantissa = product
            }
            return mantissa
        }
        switch (scaled(lhs), scaled(rhs)) {
        case (let left?, let right?): return left < right
        case (nil, _): return false
        case (_, nil): return true
        }
    }
}
