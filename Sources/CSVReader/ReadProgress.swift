#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read so far, shared by the threads reading one file, so a command can say how far
/// a long read has got. The reader adds each buffer as it fills it (a megabyte at a time by
/// default), so keeping count costs one uncontended lock per megabyte.
///
///     let progress = ReadProgress(totalBytes: size)
///     options.progress = progress
///     // elsewhere, every few seconds: progress.bytesRead
public final class ReadProgress: @unchecked Sendable {
    public let totalBytes: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var done = 0

    public init(totalBytes: Int) {
        self.totalBytes = totalBytes
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Never more than ``totalBytes`` (a read that falls back to one core counts again).
    public var bytesRead: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return min(done, totalBytes)
    }

    func add(_ bytes: Int) {
        pthread_mutex_lock(lock)
        done += bytes
        pthread_mutex_unlock(lock)
    }
}
