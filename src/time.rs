//! Wall-clock time in unix seconds and its UTC calendar form, for timestamps of marks, the
//! `note_changed` column of exports and the names of files kept aside. No time zones, no
//! dependency: only UTC, only dates after 1970.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time in unix seconds (0 if the clock is before 1970).
pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs())
}

/// Formats unix seconds for people: `2026-11-25 23:25 UTC`.
pub fn format_utc(secs: u64) -> String {
    let (year, month, day, hour, minute, _) = utc_parts(secs);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Formats unix seconds for file names: `20261125T232501Z`.
pub fn format_utc_compact(secs: u64) -> String {
    let (year, month, day, hour, minute, second) = utc_parts(secs);
    format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z")
}

fn utc_parts(secs: u64) -> (u64, u64, u64, u64, u64, u64) {
    let (year, month, day) = civil_from_days(secs / 86_400);
    let in_day = secs % 86_400;
    (year, month, day, in_day / 3600, in_day % 3600 / 60, in_day % 60)
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`,
/// in unsigned arithmetic since our days are never before the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Shift the epoch to 0000-03-01 so leap days fall at the end of each 400-year era.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_utc(1_795_649_101), "2026-11-25 23:25 UTC");
        assert_eq!(format_utc_compact(1_795_649_101), "20261125T232501Z");
        assert_eq!(format_utc_compact(1_709_208_000), "20240229T120000Z");
        assert_eq!(format_utc_compact(951_868_859), "20000301T000059Z");
        assert_eq!(format_utc_compact(946_684_799), "19991231T235959Z");
    }
}
