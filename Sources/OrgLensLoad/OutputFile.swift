/// One file of a run's output: its name, permissions and content. Large content is streamed — rendered
/// while it is written, a piece at a time — so a 150 MB dashboard never sits in memory whole.
package struct OutputFile: Sendable {
    /// Hands each rendered piece, in order, to `emit`.
    package typealias Renderer = @Sendable (_ emit: ([UInt8]) -> Void) -> Void

    package let name: String
    /// Permission bits; files with personal data use 0o600.
    package let mode: UInt32
    private let content: Content

    private enum Content: Sendable {
        case rendered([UInt8])
        case streamed(Renderer)
    }

    package init(name: String, bytes: [UInt8], mode: UInt32 = 0o644) {
        self.name = name
        self.mode = mode
        content = .rendered(bytes)
    }

    /// A file rendered only when it is written (each time it is written).
    package init(name: String, mode: UInt32 = 0o644, streaming render: @escaping Renderer) {
        self.name = name
        self.mode = mode
        content = .streamed(render)
    }

    /// Produces the content, in order, piece by piece.
    package func produce(_ emit: ([UInt8]) -> Void) {
        switch content {
        case .rendered(let bytes): emit(bytes)
        case .streamed(let render): render(emit)
        }
    }

    /// The content as one buffer (rendered again for a streamed file; for checks, not for writing).
    package var bytes: [UInt8] {
        var whole: [UInt8] = []
        produce { whole += $0 }
        return whole
    }
}
