extension StringProtocol {
    /// The text without `character` at either end (a space by default), as a new string: values cut out of a
    /// cell (a name's parts, a pay amount's affix, one of several ids) are trimmed the same way everywhere.
    func trimmingCharacters(in character: Character = " ") -> String {
        var slice = self[...]
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
