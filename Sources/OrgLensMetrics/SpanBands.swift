/// Named ranges of direct reports. Defaults follow common org-design guidance: up to 3 is overhead
/// a tech-lead arrangement may serve better, 4–8 is healthy, 12 or more means a split is due.
public struct SpanBands: Sendable, Hashable {
    public enum Band: String, Sendable, CaseIterable {
        case narrow, healthy, wide, split
    }

    /// Largest span still `narrow`, `healthy`, `wide`; anything above is `split`.
    public var narrowMax: Int
    public var healthyMax: Int
    public var wideMax: Int

    public init(narrowMax: Int = 3, healthyMax: Int = 8, wideMax: Int = 11) {
        precondition(narrowMax < healthyMax && healthyMax < wideMax, "span bands must increase")
        self.narrowMax = narrowMax
        self.healthyMax = healthyMax
        self.wideMax = wideMax
    }

    public func band(for span: Int) -> Band {
        if span <= narrowMax { return .narrow }
        if span <= healthyMax { return .healthy }
        if span <= wideMax { return .wide }
        return .split
    }
}

/// Span bands per manager role; the same for every role unless configured otherwise.
public struct SpanPolicy: Sendable, Hashable {
    public var byRole: [ManagerRole: SpanBands]
    public var fallback: SpanBands

    public init(fallback: SpanBands = SpanBands(), byRole: [ManagerRole: SpanBands] = [:]) {
        self.fallback = fallback
        self.byRole = byRole
    }

    public func bands(for role: ManagerRole) -> SpanBands { byRole[role] ?? fallback }
}
