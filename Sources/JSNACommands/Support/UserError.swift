/// A problem the user can fix (bad option, unknown authority, bad input file): printed as
/// one line, exit code 1. Internal failures are not wrapped in this type.
public struct UserError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
