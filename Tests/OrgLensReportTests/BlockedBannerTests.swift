import Foundation
import OrgLensReport
import Testing

/// A blocked run's page opens with the banner, every gate on it, its text escaped.
@Suite struct BlockedBannerTests {
    @Test func theBannerComesFirstInsideMain() {
        let page = Array("<html><body><main><header>Org audit</header></main></body></html>".utf8)
        let gates = [
            BlockedBanner.Gate(gate: "max_headcount_drop", value: "45 %", limit: "20 %", detail: "11 < 20 & <b>"),
            BlockedBanner.Gate(gate: "min_managers", value: "0", limit: "1", detail: "no managers"),
        ]
        let text = String(decoding: BlockedBanner.adding(to: page, gates: gates), as: UTF8.self)
        let banner = text.range(of: "<section id=\"not-published\"")
        let header = text.range(of: "<header>")
        #expect(banner != nil && header != nil && banner!.lowerBound < header!.lowerBound)
        #expect(text.contains(">Not published</h2>"))
        #expect(text.contains("<strong>max_headcount_drop</strong>: 45 % (limit 20 %) — 11 &lt; 20 &amp; &lt;b&gt;"))
        #expect(text.contains("<strong>min_managers</strong>"))
    }

    @Test func aPageWithoutMainIsLeftAsItIs() {
        let page = Array("<p>not a report</p>".utf8)
        #expect(BlockedBanner.adding(to: page, gates: []) == page)
    }
}
