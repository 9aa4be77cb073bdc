/// Inline SVG charts drawn by OrgLens: each with a title, a description and a table beside it that says the same.
enum ReportCharts {
    struct Bar {
        let label: String
        let value: Double
        let band: String?
    }

    /// Vertical bars, one per label; coloured by band where there is one (the band is also in the table).
    static func bars(_ bars: [Bar], title: String, description: String, id: String) -> String {
        let width = 640.0
        let height = 220.0
        let top = max(bars.map(\.value).max() ?? 1, 1)
        let step = width / Double(max(bars.count, 1))
        var svg = """
            <svg role="img" aria-labelledby="\(id)-t \(id)-d" viewBox="0 0 \(Int(width)) \(Int(height) + 20)" width="\(Int(width))" height="\(Int(height) + 20)">\
            <title id="\(id)-t">\(HTMLWriter.escaped(title))</title><desc id="\(id)-d">\(HTMLWriter.escaped(description))</desc>
            """
        for (index, bar) in bars.enumerated() {
            let barHeight = (bar.value / top * (height - 10)).rounded()
            let x = (Double(index) * step).rounded()
            let fill = bar.band.map { "var(--\($0))" } ?? "var(--bar)"
            svg +=
                "<rect x=\"\(Int(x))\" y=\"\(Int(height - barHeight))\" width=\"\(max(1, Int(step * 0.8)))\" height=\"\(Int(barHeight))\" fill=\"\(fill)\"><title>\(HTMLWriter.escaped(bar.label))</title></rect>"
        }
        svg += "<line x1=\"0\" y1=\"\(Int(height))\" x2=\"\(Int(width))\" y2=\"\(Int(height))\" stroke=\"#888\"/></svg>"
        return svg
    }

    /// A layer pyramid: one centred bar per layer, top layer first.
    static func pyramid(_ layers: [(label: String, people: Double)], title: String, description: String) -> String {
        let width = 640.0
        let rowHeight = 18.0
        let top = max(layers.map(\.people).max() ?? 1, 1)
        var svg = """
            <svg role="img" aria-labelledby="pyr-t pyr-d" viewBox="0 0 \(Int(width)) \(Int(rowHeight * Double(layers.count)) + 4)" width="\(Int(width))" height="\(Int(rowHeight * Double(layers.count)) + 4)">\
            <title id="pyr-t">\(HTMLWriter.escaped(title))</title><desc id="pyr-d">\(HTMLWriter.escaped(description))</desc>
            """
        for (index, layer) in layers.enumerated() {
            let barWidth = max(2, (layer.people / top * (width - 20)).rounded())
            let x = ((width - barWidth) / 2).rounded()
            svg +=
                "<rect x=\"\(Int(x))\" y=\"\(Int(Double(index) * rowHeight + 2))\" width=\"\(Int(barWidth))\" height=\"\(Int(rowHeight - 4))\" fill=\"var(--bar)\"><title>\(HTMLWriter.escaped(layer.label))</title></rect>"
        }
        return svg + "</svg>"
    }
}
