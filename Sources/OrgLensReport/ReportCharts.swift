/// Inline SVG charts drawn by OrgLens: each with a title, a description, axes whose ticks and values are text, and a
/// table beside it (or figures in the text) that says the same.
enum ReportCharts {
    struct Bar {
        /// Under the bar (the x axis).
        let label: String
        /// The tooltip: what the bar is, in words.
        let detail: String
        let value: Double
        let band: String?
    }

    struct Series {
        let title: String
        let id: String
        /// One point per night, oldest first; nil where the night did not record the figure.
        let values: [Double?]
        /// How a value is written on the chart.
        let format: @Sendable (Double) -> String
    }

    static let width = 640.0
    static let height = 240.0
    /// Room for the y axis's labels on the left and the x axis's below.
    static let left = 56.0
    static let bottom = 36.0
    static let top = 24.0

    private static func open(id: String, title: String, description: String, width: Double = width) -> String {
        """
        <svg role="img" aria-labelledby="\(id)-t \(id)-d" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" class="chart" id="chart-\(id)">\
        <title id="\(id)-t">\(HTMLWriter.escaped(title))</title><desc id="\(id)-d">\(HTMLWriter.escaped(description))</desc>
        """
    }

    /// The y axis: gridlines and labels at round values from 0 to the top tick; returns the top tick.
    private static func yAxis(
        maximum: Double, wholeNumbers: Bool, caption: String, width: Double = width,
        label: (Double) -> String = ReportFormat.tick, into svg: inout String
    ) -> Double {
        let ticks = ReportFormat.ticks(upTo: maximum, wholeNumbers: wholeNumbers)
        let topTick = ticks.last ?? 1
        let plot = height - bottom - top
        for tick in ticks {
            let y = top + plot - tick / topTick * plot
            svg += "<line x1=\"\(Int(left))\" y1=\"\(fmt(y))\" x2=\"\(Int(width))\" y2=\"\(fmt(y))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(Int(left) - 6)\" y=\"\(fmt(y + 4))\" text-anchor=\"end\" class=\"tick\">\(HTMLWriter.escaped(label(tick)))</text>"
        }
        svg +=
            "<text x=\"12\" y=\"\(fmt(top + plot / 2))\" transform=\"rotate(-90 12 \(fmt(top + plot / 2)))\" text-anchor=\"middle\" class=\"axis\">\(HTMLWriter.escaped(caption))</text>"
        return topTick
    }

    private static func fmt(_ value: Double) -> String { String(Int(value.rounded())) }

    /// Vertical bars, one per label, with the value over each bar when there is room; coloured by band where there
    /// is one (the band is also in the table).
    static func bars(
        _ bars: [Bar], title: String, description: String, id: String, xCaption: String, yCaption: String
    ) -> String {
        var svg = open(id: id, title: title, description: description)
        let topTick = yAxis(
            maximum: bars.map(\.value).max() ?? 1, wholeNumbers: bars.allSatisfy { $0.value == $0.value.rounded() },
            caption: yCaption, into: &svg)
        let plot = height - bottom - top
        let step = (width - left - 4) / Double(max(bars.count, 1))
        // Every label when they fit, else every k-th.
        let labelEvery = max(1, Int((28 / step).rounded(.up)))
        let showValues = step >= 18
        for (index, bar) in bars.enumerated() {
            let barHeight = bar.value / topTick * plot
            let x = left + 2 + Double(index) * step
            let fill = bar.band.map { "var(--\($0))" } ?? "var(--bar)"
            svg +=
                "<rect x=\"\(fmt(x + step * 0.1))\" y=\"\(fmt(top + plot - barHeight))\" width=\"\(fmt(max(1, step * 0.8)))\" height=\"\(fmt(barHeight))\" fill=\"\(fill)\"><title>\(HTMLWriter.escaped(bar.detail))</title></rect>"
            if showValues {
                svg +=
                    "<text x=\"\(fmt(x + step / 2))\" y=\"\(fmt(top + plot - barHeight - 3))\" text-anchor=\"middle\" class=\"value\">\(ReportFormat.tick(bar.value))</text>"
            }
            if index % labelEvery == 0 {
                svg +=
                    "<text x=\"\(fmt(x + step / 2))\" y=\"\(fmt(height - bottom + 14))\" text-anchor=\"middle\" class=\"tick\">\(HTMLWriter.escaped(bar.label))</text>"
            }
        }
        svg +=
            "<line x1=\"\(Int(left))\" y1=\"\(fmt(top + plot))\" x2=\"\(Int(width))\" y2=\"\(fmt(top + plot))\" class=\"baseline\"/>"
        svg +=
            "<text x=\"\(fmt(left + (width - left) / 2))\" y=\"\(fmt(height - 4))\" text-anchor=\"middle\" class=\"axis\">\(HTMLWriter.escaped(xCaption))</text>"
        return svg + "</svg>"
    }

    /// A line over the nights: one point (a circle with its value as a tooltip) per night, the first and last
    /// values written beside their points, the dates under the axis.
    static func line(_ series: Series, days: [String]) -> String {
        let width = 480.0
        var svg = open(
            id: series.id, title: series.title,
            description: "One point per published night, \(days.first ?? "") to \(days.last ?? "").", width: width)
        let known = series.values.compactMap { $0 }
        let topTick = yAxis(
            maximum: max(known.max() ?? 1, 0.0001), wholeNumbers: known.allSatisfy { $0 == $0.rounded() },
            caption: "", width: width, label: series.format, into: &svg)
        let plot = height - bottom - top
        // Room at both ends for a date written under its point.
        let (first, last) = (left + 34, width - 36)
        let step = (last - first) / Double(max(days.count - 1, 1))
        let labelEvery = max(1, Int((90 / step).rounded(.up)))
        let points = series.values.enumerated().map { index, value in
            (index: index, x: days.count == 1 ? first : first + Double(index) * step, value: value)
        }
        var path = ""
        for point in points {
            guard let value = point.value else { continue }
            let y = top + plot - value / topTick * plot
            path += (path.isEmpty ? "M" : "L") + "\(fmt(point.x)),\(fmt(y))"
        }
        svg += "<path d=\"\(path)\" class=\"trendline\"/>"
        for point in points {
            let lastPoint = point.index == days.count - 1
            if (point.index % labelEvery == 0 && days.count - 1 - point.index >= labelEvery) || lastPoint {
                svg +=
                    "<text x=\"\(fmt(point.x))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(HTMLWriter.escaped(days[point.index]))</text>"
            }
            guard let value = point.value else { continue }
            let y = top + plot - value / topTick * plot
            svg +=
                "<circle cx=\"\(fmt(point.x))\" cy=\"\(fmt(y))\" r=\"4\" class=\"point\" data-day=\"\(HTMLWriter.escaped(days[point.index]))\"><title>\(HTMLWriter.escaped("\(days[point.index]): \(series.format(value))"))</title></circle>"
            if point.index == 0 || lastPoint {
                svg +=
                    "<text x=\"\(fmt(point.x))\" y=\"\(fmt(y - 9))\" text-anchor=\"middle\" class=\"value\">\(HTMLWriter.escaped(series.format(value)))</text>"
            }
        }
        svg +=
            "<line x1=\"\(Int(left))\" y1=\"\(fmt(top + plot))\" x2=\"\(Int(width))\" y2=\"\(fmt(top + plot))\" class=\"baseline\"/>"
        return svg + "</svg>"
    }

    /// A layer pyramid: one centred bar per layer, top layer first, each labelled with its layer and people.
    static func pyramid(_ layers: [(layer: Int, people: Double)], title: String, description: String) -> String {
        let rowHeight = 22.0
        let chartHeight = rowHeight * Double(layers.count) + 4
        let labelWidth = 150.0
        let topValue = max(layers.map(\.people).max() ?? 1, 1)
        var svg = """
            <svg role="img" aria-labelledby="pyr-t pyr-d" viewBox="0 0 \(Int(width)) \(Int(chartHeight))" width="\(Int(width))" height="\(Int(chartHeight))" class="chart" id="chart-pyramid">\
            <title id="pyr-t">\(HTMLWriter.escaped(title))</title><desc id="pyr-d">\(HTMLWriter.escaped(description))</desc>
            """
        let room = width - labelWidth - 10
        for (index, layer) in layers.enumerated() {
            let barWidth = max(2, layer.people / topValue * room)
            let x = labelWidth + (room - barWidth) / 2
            let y = Double(index) * rowHeight + 2
            svg +=
                "<text x=\"4\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"tick\">Layer \(layer.layer): \(ReportFormat.tick(layer.people))</text>"
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(rowHeight - 5))\" fill=\"var(--bar)\"><title>Layer \(layer.layer): \(ReportFormat.tick(layer.people)) people</title></rect>"
        }
        return svg + "</svg>"
    }
}
