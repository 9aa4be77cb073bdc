import Foundation
import OrgLensFuzzTargets

#if FUZZING
/// SwiftPM names an executable's entry point `<module>_main` and aliases `main` to it; here that entry
/// hands control to libFuzzer's driver. `ORGLENS_FUZZ_TARGET` picks the target (csv, xml, pipeline, analysis).
@_cdecl("orglens_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    FuzzTargets.prepare()
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

/// libFuzzer's per-input callback (its driver also links against this name).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let name = ProcessInfo.processInfo.environment["ORGLENS_FUZZ_TARGET"] ?? "csv"
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(FuzzTargets.Target(rawValue: name) ?? .csv, bytes)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#else
/// Without the fuzzer: replays saved inputs, `orglens-fuzz TARGET FILE…`.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTargets.Target(rawValue: name) else {
            print("usage: orglens-fuzz csv|xml|pipeline|analysis FILE…")
            return
        }
        for file in arguments.dropFirst() {
            FuzzTargets.run(target, Array(FileManager.default.contents(atPath: file) ?? Data()))
        }
    }
}
#endif
