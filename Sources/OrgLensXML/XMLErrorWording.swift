/// What libxml2's error codes mean, in words that never quote the document.
enum XMLErrorWording {
    static func describe(code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "there is content after the end of the document (a second root element, or text after it)"
        case 9: "a character that XML does not allow"
        case 26, 27: "an entity that is not defined"
        case 39, 40, 41: "an attribute is written wrongly"
        case 57, 73: "a tag is not closed (the file may be truncated)"
        case 76: "a closing tag does not match its opening tag"
        case 77: "a tag is never finished (the file may be truncated)"
        case 85: "the file ends inside the document (it may be truncated)"
        case 81, 82: "the text is not in the encoding the document declares"
        default: "the document is not well-formed XML (libxml2 error \(code))"
        }
    }
}
