//! Calendar dates without time zones. A meeting is on a day, not at an instant, so deadlines are
//! computed on civil dates: the author's "today" comes from their own calendar.

use std::fmt;

use crate::text::i18n::Arg;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A month of a year, as in a timeframe "from February 2027".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CivilDate {
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CivilDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, the value of an HTML date input.
    pub fn parse_iso(text: &str) -> Option<CivilDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parse_digits(parts.next()?, 2)?;
        let day = parse_digits(parts.next()?, 2)?;
        CivilDate::new(year as i32, month as u8, day as u8)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-date algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> CivilDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    pub fn add_days(self, days: i64) -> CivilDate {
        CivilDate::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: CivilDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    pub fn weekday_name(self) -> &'static str {
        const NAMES: [&str; 7] = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
        NAMES[self.days_since_epoch().rem_euclid(7) as usize]
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date for a message of the interface, written the reader's way.
impl From<CivilDate> for Arg {
    fn from(date: CivilDate) -> Arg {
        let weekday = (date.days_since_epoch() + 3).rem_euclid(7) as u8 + 1;
        Arg::Date { year: date.year, month: date.month, day: Some((date.day, weekday)) }
    }
}

/// The month for a message of the interface, written the reader's way.
impl From<YearMonth> for Arg {
    fn from(month: YearMonth) -> Arg {
        Arg::Date { year: month.year, month: month.month, day: None }
    }
}

/// "Sunday 14 March 2027": day first, month in words, so no reader misreads it; what exported
/// documents write (the interface's messages take the date as an [`Arg`]).
impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {}", self.weekday_name(), self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

impl YearMonth {
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    /// Reads `YYYY-MM`, the value of an HTML month input.
    pub fn parse_iso(text: &str) -> Option<YearMonth> {
        let (year, month) = text.trim().split_once('-')?;
        YearMonth::new(parse_digits(year, 4)? as i32, parse_digits(month, 2)? as u8)
    }

    /// Months from the start of `self` to the end of `end`, both included: Feb to Dec is 11.
    pub fn months_through(self, end: YearMonth) -> i32 {
        (end.year - self.year) * 12 + i32::from(end.month) - i32::from(self.month) + 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", MONTHS[usize::from(self.month - 1)], self.year)
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> CivilDate {
        CivilDate::new(y, m, d).unwrap()
    }

    /// Year, month and day.
    type Ymd = (i32, u8, u8);

    #[test]
    fn parses_iso_dates_and_refuses_impossible_ones() {
        let table: &[(&str, Option<Ymd>)] = &[
            ("2027-03-14", Some((2027, 3, 14))),
            (" 2024-02-29 ", Some((2024, 2, 29))),
            ("2000-02-29", Some((2000, 2, 29))),
            ("1900-02-29", None),
            ("2027-02-29", None),
            ("2027-04-31", None),
            ("2027-13-01", None),
            ("2027-00-10", None),
            ("2027-3-14", None),
            ("14/03/2027", None),
            ("", None),
            ("2027-03-14T10:00", None),
        ];
        for (text, expected) in table {
            assert_eq!(CivilDate::parse_iso(text), expected.map(|(y, m, d)| date(y, m, d)), "{text:?}");
        }
    }

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2024, 3, 14).add_days(-21), date(2024, 2, 22));
        assert_eq!(date(2024, 3, 7).add_days(-21), date(2024, 2, 15));
        assert_eq!(date(2024, 3, 20).add_days(-21), date(2024, 2, 28));
        assert_eq!(date(2024, 3, 21).add_days(-21), date(2024, 2, 29));
        assert_eq!(date(2023, 3, 21).add_days(-21), date(2023, 2, 28));
        assert_eq!(date(2027, 1, 10).add_days(-21), date(2026, 12, 20));
        assert_eq!(date(2026, 11, 29).days_until(date(2026, 12, 20)), 21);
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_000, 2_932_896] {
            assert_eq!(CivilDate::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn reads_and_writes_dates_for_people() {
        assert_eq!(date(2027, 3, 14).to_string(), "Sunday 14 March 2027");
        assert_eq!(date(2026, 11, 29).to_string(), "Sunday 29 November 2026");
        assert_eq!(date(2024, 2, 29).weekday_name(), "Thursday");
        assert_eq!(date(2027, 3, 4).iso(), "2027-03-04");
    }

    #[test]
    fn year_months_count_the_months_they_span() {
        let feb = YearMonth::parse_iso("2027-02").unwrap();
        assert_eq!(feb.months_through(YearMonth::new(2027, 12).unwrap()), 11);
        assert_eq!(feb.months_through(feb), 1);
        assert_eq!(feb.months_through(YearMonth::new(2028, 1).unwrap()), 12);
        assert_eq!(feb.months_through(YearMonth::new(2029, 1).unwrap()), 24);
        assert_eq!(feb.months_through(YearMonth::new(2026, 12).unwrap()), -1);
        assert_eq!(YearMonth::parse_iso("2027-2"), None);
        assert_eq!(YearMonth::parse_iso("2027-13"), None);
        assert_eq!(feb.to_string(), "February 2027");
    }
}
