/// Named ranges of direct reports. Defaults follow common org-design guidance: up to 3 is overhead
/// a tech-lead arrangement may serve better, 4–8 is healthy, 12 or more means a split is due.
package struct SpanBands: Sendable, Hashable {
    package enum Band: String, Sendable, CaseIterable {
        case narrow, healthy, wide, split
    }

    /// Largest span still `narrow`, `healthy`, `wide`; anything above is `split`.
    package var narrowMax: Int
    package var healthyMax: Int
    package var wideMax: Int

    package init(narrowMax: Int = 3, healthyMax: Int = 8, wideMax: Int = 11) {
        precondition(narrowMax < healthyMax && healthyMax < wideMax, "span bands must increase")
        self.narrowMax = narrowMax
        self.healthyMax = healthyMax
        self.wideMax = wideMax
    }

    /// The smallest span that means a split is due.
    package var splitAt: Int { wideMax + 1 }

    /// Bands as a configuration writes them; nil unless 0 ≤ narrow_max < healthy_max and split_at ≥ healthy_max + 2.
    package init?(narrowMax: Int, healthyMax: Int, splitAt: Int) {
        guard narrowMax >= 0, healthyMax > narrowMax, splitAt >= healthyMax + 2 else { return nil }
        self.init(narrowMax: narrowMax, healthyMax: healthyMax, wideMax: splitAt - 1)
    }

    package func band(for span: Int) -> Band {
        if span <= narrowMax { return .narrow }
        if span <= healthyMax { return .healthy }
        if span <= wideMax { return .wide }
        return .split
    }
}

/// Span bands per manager role; the same for every role unless configured otherwise.
package struct SpanPolicy: Sendable, Hashable {
    package var byRole: [ManagerRole: SpanBands]
    package var fallback: SpanBands

    package init(fallback: SpanBands = SpanBands(), byRole: [ManagerRole: SpanBands] = [:]) {
        self.fallback = fallback
        self.byRole = byRole
    }

    package func bands(for role: ManagerRole) -> SpanBands { byRole[role] ?? fallback }
}
