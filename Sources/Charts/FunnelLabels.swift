import ReportModel

/// Places a funnel plot's labels so that none overlaps another label or any marker: each
/// label tries spots around its point (right, left, above, below, at growing distances)
/// and takes the first that stays inside the plot and clear of every label already placed
/// and every other point's marker.
enum FunnelLabels {
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double

        func intersects(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    /// Which points are labelled and where: the subject always (placed first), and the
    /// neighbours outside the limits where a spot is free; everything else is in the
    /// chart's table. `at` gives a point's position (y nil: off the top of the scale).
    static func layout(_ points: [FunnelChart.Point], at: (FunnelChart.Point) -> (x: Double, y: Double?), top: Double,
                       plot: (left: Double, top: Double, right: Double, bottom: Double)) -> [Label] {
        let markers = points.map { marker($0, at: at($0), top: top) }
        let labelled = points.indices.filter { points[$0].role == .authority } + points.indices.filter { i in
            points[i].role == .neighbour && (points[i].adjustedPosition ?? points[i].position).map { $0 != .within } == true
        }
        var placed: [Box] = []
        var out: [Label] = []
        for i in labelled {
            let p = points[i], bold = p.role == .authority
            let centre = (x: markers[i].x + markers[i].width / 2, y: markers[i].y + markers[i].height / 2)
            let size = (width: Double(p.name.count) * (bold ? 7.2 : 5.8), height: bold ? 13.0 : 11.0)
            let others = markers.indices.filter { $0 != i }.map { markers[$0] }
            guard let box = place(size, around: markers[i], centre: centre, avoiding: placed, markers: others, within: plot, force: bold) else { continue }
            placed.append(box)
            // A label set further off than its marker's width gets a line back to it.
            let far = box.x > markers[i].x + markers[i].width + 12 || box.x + box.width < markers[i].x - 12
                || box.y > markers[i].y + markers[i].height + 12 || box.y + box.height < markers[i].y - 12
            let middle = (x: box.x + box.width / 2, y: box.y + box.height / 2)
            let edge = (x: min(max(middle.x, markers[i].x), markers[i].x + markers[i].width), y: min(max(middle.y, markers[i].y), markers[i].y + markers[i].height))
            out.append(Label(point: p, box: box, leaderFrom: far ? edge : nil))
        }
        return out
    }

    /// A placed label, and where its leader line starts (its marker's edge) when it sits
    /// away from its marker.
    struct Label {
        var point: FunnelChart.Point
        var box: Box
        var leaderFrom: (x: Double, y: Double)?

        /// The end of the leader line: the point of the label's box nearest the marker.
        var leaderTo: (x: Double, y: Double)? {
            leaderFrom.map { from in (min(max(from.x, box.x), box.x + box.width), min(max(from.y, box.y), box.y + box.height)) }
        }
    }

    /// The box a point's marker covers: a dot, a neighbour's square, the subject's circle
    /// (with its white edge), or the triangle at the top edge for a point off the scale.
    static func marker(_ p: FunnelChart.Point, at: (x: Double, y: Double?), top: Double) -> Box {
        guard let y = at.y else { return Box(x: at.x - 5, y: top - 2, width: 10, height: 9) }
        let r = p.role == .authority ? 7.5 : p.role == .neighbour ? 4.5 : 3
        return Box(x: at.x - r, y: y - r, width: 2 * r, height: 2 * r)
    }

    /// The box for a label of `size` beside its own marker, or nil when no spot is free.
    /// With `force` (the subject's own label, always drawn) the spot clear of labels that
    /// covers the fewest markers is taken.
    static func place(_ size: (width: Double, height: Double), around own: Box, centre: (x: Double, y: Double), avoiding placed: [Box], markers: [Box],
                      within plot: (left: Double, top: Double, right: Double, bottom: Double), force: Bool = false) -> Box? {
        var spots: [Box] = []
        for gap in [3.0, 10.0, 20.0, 32.0, 48.0, 70.0, 95.0] {
            let right = own.x + own.width + gap, left = own.x - gap - size.width
            let above = own.y - gap - size.height, below = own.y + own.height + gap
            let middle = centre.y - size.height / 2, centred = centre.x - size.width / 2
            spots += [
                Box(x: right, y: above, width: size.width, height: size.height), Box(x: right, y: below, width: size.width, height: size.height),
                Box(x: left, y: above, width: size.width, height: size.height), Box(x: left, y: below, width: size.width, height: size.height),
                Box(x: right, y: middle, width: size.width, height: size.height), Box(x: left, y: middle, width: size.width, height: size.height),
                Box(x: centred, y: above, width: size.width, height: size.height), Box(x: centred, y: below, width: size.width, height: size.height),
            ]
        }
        let inside = spots.filter { $0.x >= plot.left && $0.x + $0.width <= plot.right && $0.y >= plot.top && $0.y + $0.height <= plot.bottom }
        let clear = inside.filter { box in !placed.contains { $0.intersects(box) } }
        let covered = { (box: Box) in markers.filter { $0.intersects(box) }.count }
        if let free = clear.first(where: { covered($0) == 0 }) { return free }
        guard force else { return nil }
        return (clear.isEmpty ? inside : clear).min { covered($0) < covered($1) } ?? spots[0]
    }
}
