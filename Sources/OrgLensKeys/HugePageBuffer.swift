internal import CPrefetch
import OrgLensSystem

/// A zero-filled buffer of trivial values in memory the kernel is asked to back with 2 MiB pages.
///
/// Hash tables probed at random (id interning) miss the TLB on almost every probe with 4 KiB pages;
/// huge pages remove most of those misses. The one owner of its mapping: unmapped in `deinit`.
final class HugePageBuffer<Element: BitwiseCopyable> {
    let buffer: UnsafeMutableBufferPointer<Element>
    private let base: UnsafeMutableRawPointer
    private let byteCount: Int

    init(count: Int) {
        // Small tables (status values, currencies) get ordinary pages: a 2 MiB page each would waste memory.
        let hugePage = 2 << 20
        let needed = max(1, count * MemoryLayout<Element>.stride)
        let unit = needed >= hugePage ? hugePage : 4096
        let bytes = (needed + unit - 1) / unit * unit
        guard let mapped = POSIX.mapZeroed(bytes: bytes, hugePages: unit == hugePage) else {
            // Out of address space is out of memory: there is no smaller fallback worth having.
            fatalError("cannot map \(bytes) bytes for a hash table")
        }
        base = mapped
        byteCount = bytes
        // Anonymous mappings are zero-filled, so every element starts as all-zero bits.
        buffer = UnsafeMutableBufferPointer(start: mapped.bindMemory(to: Element.self, capacity: count), count: count)
    }

    deinit { POSIX.unmap(base, bytes: byteCount) }

    /// Asks the CPU for element `index` ahead of a write to it; a hint only, with no effect on contents.
    func prefetchForWrite(_ index: Int) {
        orglens_prefetch_for_write(buffer.baseAddress! + index)
    }
}
