import Dispatch

/// How many threads a run may use, and a fork–join map over them: the work is split into
/// independent items, up to ``count`` threads transform them, and every thread is joined
/// before ``map(_:_:)`` returns, with the results in the items' order. Nothing outlives the
/// call and nothing is shared but the (immutable) items, so the output is the same for any
/// number of threads.
public struct Workers: Sendable, Equatable {
    /// The largest number of threads used at once (at least 1).
    public let count: Int
    /// The smallest piece of a stream worth parsing apart (256 KiB unless a test asks for
    /// smaller ones, to cut short streams).
    public let minimumPieceSize: Int

    /// Up to `count` threads (1 when `count` is below 1).
    public init(_ count: Int, minimumPieceSize: Int = 256 << 10) {
        self.count = max(1, count)
        self.minimumPieceSize = max(1, minimumPieceSize)
    }

    /// One thread: the work is done in order on the caller's thread.
    public static let one = Workers(1)

    /// `items` transformed by `transform`, in order. With more than one item and thread,
    /// ``count`` threads each take the next item not yet taken until none is left, so that a
    /// thread that finishes early goes on with the rest.
    public func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        map(items) { item, _ in transform(item) }
    }

    /// ``map(_:_:)``, telling `transform` which thread runs it: a lane from 0 to ``count`` - 1
    /// that no other thread uses at the same time (so that each lane can keep a cache of its
    /// own across the items it takes).
    public func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item, _ lane: Int) -> Output) -> [Output] {
        let lanes = min(count, items.count)
        guard lanes > 1 else { return items.map { transform($0, 0) } }
        let total = items.count
        return [Output](unsafeUninitializedCapacity: total) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            let slots = Slots(base: base)
            let dispenser = IndexDispenser()
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                while case let index = dispenser.take(), index < total {
                    slots.set(index, transform(items[index], lane))
                }
            }
            initializedCount = total
        }
    }

    /// `items` in consecutive batches for ``map(_:_:)``: one batch on one thread, else up to
    /// four per thread (so that uneven batches even out), none smaller than `minimumSize`.
    public func batches<Item>(_ items: [Item], minimumSize: Int) -> [ArraySlice<Item>] {
        let wanted = count > 1 ? min(count * 4, items.count / max(1, minimumSize)) : 1
        guard wanted > 1 else { return [items[...]] }
        let size = (items.count + wanted - 1) / wanted
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}

/// The next index of one ``Workers/map(_:_:)``, handed out once each to whichever thread asks.
/// Items are coarse (files, pieces of a stream, runs of workloads), so a serial queue is
/// cheap enough as the lock.
private final class IndexDispenser: @unchecked Sendable {
    private let queue = DispatchQueue(label: "SpliceYAML.Workers.IndexDispenser")
    private var next = 0

    /// An index no thread has taken yet (past the end once all are taken).
    func take() -> Int {
        queue.sync {
            defer { next += 1 }
            return next
        }
    }
}

/// The uninitialised result slots of one ``Workers/map(_:_:)``, written from several threads.
/// Sound because each slot is written exactly once, by the one thread that took its index,
/// and the array is read only after every thread has been joined.
private struct Slots<Output>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Output>

    func set(_ index: Int, _ value: Output) {
        (base + index).initialize(to: value)
    }
}
