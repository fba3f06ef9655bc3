/// Places chart labels so that none overlaps another: each label tries four spots around
/// its point (right-above, right-below, left-above, left-below) and takes the first that
/// stays inside the plot and clear of every label already placed.
enum FunnelLabels {
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double

        func intersects(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    /// The box for a label of `size` near `point`, or nil when no spot is free. With
    /// `force`, the first spot inside the plot is taken even if it touches another label
    /// (the authority's own label is always drawn, and it is placed first).
    static func place(_ size: (width: Double, height: Double), near point: (x: Double, y: Double), avoiding placed: [Box],
                      within plot: (left: Double, top: Double, right: Double, bottom: Double), force: Bool = false) -> Box? {
        let gap = 7.0
        let spots = [
            Box(x: point.x + gap, y: point.y - gap - size.height, width: size.width, height: size.height),
            Box(x: point.x + gap, y: point.y + gap, width: size.width, height: size.height),
            Box(x: point.x - gap - size.width, y: point.y - gap - size.height, width: size.width, height: size.height),
            Box(x: point.x - gap - size.width, y: point.y + gap, width: size.width, height: size.height),
        ]
        let inside = spots.filter { $0.x >= plot.left && $0.x + $0.width <= plot.right && $0.y >= plot.top && $0.y + $0.height <= plot.bottom }
        if let free = inside.first(where: { box in !placed.contains { $0.intersects(box) } }) { return free }
        return force ? inside.first ?? spots[0] : nil
    }
}
