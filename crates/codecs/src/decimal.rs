//! Decimal numbers as text (PDF coordinates, CSS lengths, sizes and page counts), written with
//! integer arithmetic: core's float formatting (`{}` and `{:.2}` for `f64`) costs about 10 KB
//! of wasm, more than everything here.

/// `value` rounded half away from zero to `places` decimals (at most 9), always with that many
/// digits after the point: `fixed(72.0, 2)` is "72.00".
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(9));
    // Far beyond any length or size this app writes; saturates rather than wrapping.
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{scaled}");
    }
    format!("{sign}{}.{:0width$}", scaled / scale, scaled % scale, width = places.min(9) as usize)
}

/// [`fixed`] without trailing zeros or a bare point: `trimmed(72.50, 2)` is "72.5", and
/// `trimmed(12.0, 2)` is "12".
pub fn trimmed(value: f64, places: u32) -> String {
    let text = fixed(value, places);
    if !text.contains('.') {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_like_std_float_formatting() {
        let table: &[(f64, u32, &str, &str)] = &[
            (72.0, 2, "72.00", "72"),
            (72.5, 2, "72.50", "72.5"),
            (0.125, 1, "0.1", "0.1"),
            (1.25, 1, "1.3", "1.3"),
            (2.96, 1, "3.0", "3"),
            (0.0, 2, "0.00", "0"),
            (-0.004, 2, "0.00", "0"),
            (-18.5, 2, "-18.50", "-18.5"),
            (5.0, 0, "5", "5"),
            (841.89, 1, "841.9", "841.9"),
            (0.05, 2, "0.05", "0.05"),
        ];
        for &(value, places, expected_fixed, expected_trimmed) in table {
            assert_eq!(fixed(value, places), expected_fixed, "{value} to {places}");
            assert_eq!(trimmed(value, places), expected_trimmed, "{value} to {places}");
        }
        // Within half a unit of the last place of the value (std breaks exact decimal ties; this
        // rounds the binary product, so the two may differ in that last place).
        for n in 0..20_000u32 {
            let value = f64::from(n) * 0.0137;
            let written: f64 = fixed(value, 2).parse().unwrap();
            assert!((written - value).abs() <= 0.005 + 1e-9, "{value} -> {written}");
        }
    }
}
