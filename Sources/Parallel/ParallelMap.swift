import Dispatch

/// Runs `body` for every index in `0..<count` on every core and returns each outcome in index
/// order, so what a caller does with them never depends on thread timing. A thrown error is
/// kept as that index's outcome; every index runs.
///
/// This is jsna's one place that shares a buffer between threads without the compiler's
/// check: each iteration writes only its own element of a buffer allocated before the loop
/// and read after it, so no two threads touch the same memory.
///
///     let sizes = parallelResults(files.count) { i in try fileSize(files[i]) }
public func parallelResults<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    guard count > 0 else { return [] }
    let buffer = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
    let shared = SharedBuffer(buffer)
    DispatchQueue.concurrentPerform(iterations: count) { i in
        shared.buffer[i] = Result { try body(i) }
    }
    return buffer.map { $0! }
}

/// ``parallelResults(_:_:)``'s values, or the error of the first index that threw (after
/// every index has run).
public func parallelMap<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    try parallelResults(count, body).map { try $0.get() }
}

/// The buffer each iteration writes its own element of (see ``parallelResults(_:_:)``).
private struct SharedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
