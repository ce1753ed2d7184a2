import Testing
import WutongModel

@testable import WutongSolver

/// Items filed in buckets and taken out again, in any order: each bucket's list always holds
/// exactly the items filed there and not taken out, newest first.
@Suite struct BucketListsTests {
    static func items(in bucket: Int, of lists: BucketLists<Int16>) -> [Int] {
        var found: [Int] = []
        var item = lists.head[bucket]
        while item >= 0 {
            found.append(item)
            item = lists.next[item]
        }
        return found
    }

    @Test func itemsLeaveFromTheHeadTheMiddleAndTheTail() {
        var lists = BucketLists<Int16>(buckets: 2, items: 5)
        for item in [0, 1, 2, 3] { lists.file(item, in: 0) }
        lists.file(4, in: 1)
        #expect(Self.items(in: 0, of: lists) == [3, 2, 1, 0])
        lists.unfile(2, from: 0)
        #expect(Self.items(in: 0, of: lists) == [3, 1, 0])
        lists.unfile(3, from: 0)
        #expect(Self.items(in: 0, of: lists) == [1, 0])
        lists.unfile(0, from: 0)
        #expect(Self.items(in: 0, of: lists) == [1])
        lists.unfile(1, from: 0)
        #expect(Self.items(in: 0, of: lists) == [])
        #expect(Self.items(in: 1, of: lists) == [4])
        lists.file(2, in: 1)
        #expect(Self.items(in: 1, of: lists) == [2, 4])
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomFilingMatchesPlainArrays(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let bucketCount = 5
        var lists = BucketLists<Int16>(buckets: bucketCount, items: 40)
        var expected = Array(repeating: [Int](), count: bucketCount)
        var bucketOf = Array(repeating: -1, count: 40)
        for _ in 0..<2_000 {
            let item = Int(random.next() % 40)
            if bucketOf[item] >= 0 {
                lists.unfile(item, from: bucketOf[item])
                expected[bucketOf[item]].removeAll { $0 == item }
                bucketOf[item] = -1
            } else {
                let bucket = Int(random.next() % UInt64(bucketCount))
                lists.file(item, in: bucket)
                expected[bucket].insert(item, at: 0)
                bucketOf[item] = bucket
            }
            for bucket in 0..<bucketCount { #expect(Self.items(in: bucket, of: lists) == expected[bucket]) }
        }
    }
}
