//! One small stable sort for the lists the app orders: drafts, trash, quarantined values,
//! findings, backups.
//!
//! Why not `slice::sort_by`: std's stable sort is built for millions of items and costs 3-4 KB
//! of wasm for every element type and comparator it is used with (about 30 KB for this app's
//! eight uses). These lists hold at most a few thousand items, where a binary insertion sort is
//! fast (O(n log n) comparisons; the moves are `memmove`s) and costs a few hundred bytes.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (stable).
pub fn sort_by<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    for next in 1..items.len() {
        // After every item that is not greater: equal items keep their order.
        let at = items[..next].partition_point(|placed| compare(placed, &items[next]) != Ordering::Greater);
        items[at..=next].rotate_right(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_and_keeps_equal_items_in_order() {
        // (key, original position) pairs with many equal keys, in several shapes.
        let shapes: [fn(usize) -> u32; 5] = [
            |i| (i * 7919 % 13) as u32,
            |i| i as u32,
            |i| (1000 - i) as u32,
            |_| 5,
            |i| (i % 2) as u32,
        ];
        for shape in shapes {
            for len in [0, 1, 2, 3, 10, 257] {
                let mut ours: Vec<(u32, usize)> = (0..len).map(|i| (shape(i), i)).collect();
                let mut expected = ours.clone();
                expected.sort_by_key(|&(key, _)| key);
                sort_by(&mut ours, &mut |a, b| a.0.cmp(&b.0));
                assert_eq!(ours, expected, "length {len}");
            }
        }
    }
}
