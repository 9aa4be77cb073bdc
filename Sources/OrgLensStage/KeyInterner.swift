/// Gives each distinct id string a dense `Int32` key, once.
struct KeyInterner {
    private var keys: [String: Int32]
    private(set) var names: [String] = []
    private(set) var states: [StagedPeople.KeyState] = []

    init(capacity: Int) {
        keys = Dictionary(minimumCapacity: capacity)
        names.reserveCapacity(capacity)
        states.reserveCapacity(capacity)
    }

    var count: Int { names.count }

    mutating func key(for name: String) -> Int32 {
        if let key = keys[name] { return key }
        let key = Int32(names.count)
        keys[name] = key
        names.append(name)
        states.append(.unknown)
        return key
    }

    mutating func setState(_ state: StagedPeople.KeyState, for key: Int32) {
        states[Int(key)] = state
    }
}
