/// An in-place introsort: quicksort (median of three), insertion sort for short ranges, and
/// heapsort when recursion runs deep. Not stable, and needs no scratch memory, unlike the
/// standard library's merge sort. ``BucketSort`` uses it for a bucket that holds many
/// records (one child with many referrals). Keys there are unique (they hold the line), so
/// stability does not matter.
///
///     var xs = [3, 1, 2]
///     xs.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, by: <) }   // [1, 2, 3]
enum InPlaceSort {
    static func sort<T>(_ a: UnsafeMutableBufferPointer<T>, by less: (T, T) -> Bool) {
        guard a.count > 1 else { return }
        var depth = 0
        var n = a.count
        while n > 1 { depth += 2; n >>= 1 }
        introsort(a, 0, a.count, depth, less)
    }

    private static func introsort<T>(_ a: UnsafeMutableBufferPointer<T>, _ low: Int, _ high: Int, _ depth: Int, _ less: (T, T) -> Bool) {
        var low = low, depth = depth
        while high - low > 16 {
            if depth == 0 {
                heapsort(a, low, high, less)
                return
            }
            depth -= 1
            let p = partition(a, low, high, less)
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            if p - low < high - p - 1 {
                introsort(a, low, p, depth, less)
                low = p + 1
            } else {
                introsort(a, p + 1, high, depth, less)
                return introsort(a, low, p, depth, less)
            }
        }
        insertionSort(a, low, high, less)
    }

    /// Lomuto-style partition around the median of the first, middle and last elements;
    /// returns the pivot's final index.
    private static func partition<T>(_ a: UnsafeMutableBufferPointer<T>, _ low: Int, _ high: Int, _ less: (T, T) -> Bool) -> Int {
        let mid = low + (high - low) / 2, last = high - 1
        if less(a[mid], a[low]) { a.swapAt(mid, low) }
        if less(a[last], a[low]) { a.swapAt(last, low) }
        if less(a[last], a[mid]) { a.swapAt(last, mid) }
        a.swapAt(mid, last - 1)
        let pivot = a[last - 1]
        var i = low, j = last - 1
        while true {
            repeat { i += 1 } while less(a[i], pivot)
            repeat { j -= 1 } while less(pivot, a[j])
            if i >= j { break }
            a.swapAt(i, j)
        }
        a.swapAt(i, last - 1)
        return i
    }

    private static func insertionSort<T>(_ a: UnsafeMutableBufferPointer<T>, _ low: Int, _ high: Int, _ less: (T, T) -> Bool) {
        guard high - low > 1 else { return }
        for i in (low + 1)..<high {
            let x = a[i]
            var j = i
            while j > low && less(x, a[j - 1]) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
        }
    }

    private static func heapsort<T>(_ a: UnsafeMutableBufferPointer<T>, _ low: Int, _ high: Int, _ less: (T, T) -> Bool) {
        let n = high - low
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && less(a[low + child], a[low + child + 1]) { child += 1 }
                guard less(a[low + root], a[low + child]) else { return }
                a.swapAt(low + root, low + child)
                root = child
            }
        }
        for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(start, n) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            a.swapAt(low, low + end)
            siftDown(0, end)
        }
    }
}
