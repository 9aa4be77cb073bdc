internal import CPrefetch

#if canImport(Glibc)
import Glibc
#endif

/// A zero-filled buffer of trivial values in memory the kernel is asked to back with 2 MiB pages.
///
/// Hash tables probed at random (id interning) miss the TLB on almost every probe with 4 KiB pages;
/// huge pages remove most of those misses. The one owner of its mapping: unmapped in `deinit`.
public final class HugePageBuffer<Element: BitwiseCopyable> {
    public let buffer: UnsafeMutableBufferPointer<Element>
    private let base: UnsafeMutableRawPointer
    private let byteCount: Int

    public init(count: Int) {
        // Small tables (status values, currencies) get ordinary pages: a 2 MiB page each would waste memory.
        let hugePage = 2 << 20
        let needed = max(1, count * MemoryLayout<Element>.stride)
        let unit = needed >= hugePage ? hugePage : 4096
        let bytes = (needed + unit - 1) / unit * unit
        let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else {
            // Out of address space is out of memory: there is no smaller fallback worth having.
            fatalError("cannot map \(bytes) bytes for a hash table")
        }
        if unit == hugePage { madvise(mapped, bytes, MADV_HUGEPAGE) }
        base = mapped
        byteCount = bytes
        // Anonymous mappings are zero-filled, so every element starts as all-zero bits.
        buffer = UnsafeMutableBufferPointer(start: mapped.bindMemory(to: Element.self, capacity: count), count: count)
    }

    deinit { munmap(base, byteCount) }

    /// Asks the CPU for element `index` ahead of a write to it; a hint only, with no effect on contents.
    public func prefetchForWrite(_ index: Int) {
        orglens_prefetch_for_write(buffer.baseAddress! + index)
    }
}
