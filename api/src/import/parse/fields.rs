//! One row's fields, each checked on its own; every problem is noted and reading goes on.
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use sea_orm::Iterable;
use serde::de::DeserializeOwned;

use super::super::{FileKind, Problem};
use crate::admin::staff::Email;
use crate::text::SHORT;

/// One row being read: its problems go to the upload's list.
pub(super) struct Row<'p> {
    pub file: FileKind,
    pub line: u64,
    pub problems: &'p mut Vec<Problem>,
    pub ok: bool,
}

impl Row<'_> {
    pub fn problem(&mut self, column: &str, message: impl Into<String>) {
        self.ok = false;
        self.problems.push(Problem {
            file: self.file,
            line: Some(self.line),
            column: Some(column.to_owned()),
            message: message.into(),
        });
    }

    /// Trimmed text, `None` when blank (a problem when `required`) or unreadable.
    pub fn text(
        &mut self,
        column: &'static str,
        raw: Option<&str>,
        max: usize,
        required: bool,
    ) -> Option<String> {
        match crate::text::optional(column, raw, max) {
            Ok(None) if required => {
                self.problem(
                    column,
                    format!("{column} is empty: it is needed on every row."),
                );
                None
            }
            Ok(text) => text,
            Err(e) => {
                self.problem(column, e.message());
                None
            }
        }
    }

    pub fn email(
        &mut self,
        column: &'static str,
        raw: Option<&str>,
        required: bool,
    ) -> Option<Email> {
        let text = self.text(column, raw, SHORT, required)?;
        match Email::parse(&text) {
            Ok(email) => Some(email),
            Err(_) => {
                self.problem(column, format!("\"{text}\" is not an e-mail address."));
                None
            }
        }
    }

    pub fn day(&mut self, column: &'static str, raw: Option<&str>) -> Option<NaiveDate> {
        let text = self.text(column, raw, SHORT, true)?;
        match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(day) if crate::dates::day(column, day).is_ok() => Some(day),
            _ => {
                self.problem(
                    column,
                    format!("\"{text}\" is not a date: write it as YYYY-MM-DD, e.g. 2015-03-31."),
                );
                None
            }
        }
    }

    /// `YYYY-MM-DD HH:MM` (or with seconds, or a `T`) in UK time, or RFC 3339 with an offset.
    pub fn moment(&mut self, column: &'static str, raw: Option<&str>) -> Option<DateTime<Utc>> {
        let text = self.text(column, raw, SHORT, false)?;
        let bad = "is not a date and time: write it as YYYY-MM-DD HH:MM in UK time, e.g. 2026-12-14 10:30.";
        let at = match DateTime::parse_from_rfc3339(&text) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                let local = [
                    "%Y-%m-%d %H:%M",
                    "%Y-%m-%d %H:%M:%S",
                    "%Y-%m-%dT%H:%M",
                    "%Y-%m-%dT%H:%M:%S",
                ]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok());
                let Some(local) = local else {
                    self.problem(column, format!("\"{text}\" {bad}"));
                    return None;
                };
                match chrono_tz::Europe::London
                    .from_local_datetime(&local)
                    .earliest()
                {
                    Some(at) => Some(at.with_timezone(&Utc)),
                    None => {
                        self.problem(
                            column,
                            format!(
                                "{text} does not exist in UK time: the clocks go forward then."
                            ),
                        );
                        return None;
                    }
                }
            }
        };
        match at.map(|at| crate::dates::moment(column, at)) {
            Some(Ok(at)) => Some(at),
            _ => {
                self.problem(column, format!("\"{text}\" {bad}"));
                None
            }
        }
    }

    pub fn yes_no(&mut self, column: &'static str, raw: Option<&str>) -> Option<bool> {
        let text = self.text(column, raw, SHORT, true)?;
        match text.to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Some(true),
            "no" | "n" | "false" | "0" => Some(false),
            _ => {
                self.problem(column, format!("\"{text}\" is not yes or no."));
                None
            }
        }
    }

    /// A value of a snake_case enum, written in any case with spaces or hyphens for underscores.
    pub fn one_of<T: DeserializeOwned + serde::Serialize + Iterable>(
        &mut self,
        column: &'static str,
        raw: Option<&str>,
        what: &str,
    ) -> Option<T> {
        let text = self.text(column, raw, SHORT, true)?;
        let key = text.trim().to_lowercase().replace([' ', '-'], "_");
        match serde_json::from_value(serde_json::Value::String(key)) {
            Ok(value) => Some(value),
            Err(_) => {
                let names: Vec<String> = T::iter()
                    .filter_map(|v| serde_json::to_value(v).ok())
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                self.problem(
                    column,
                    format!(
                        "\"{text}\" is not a {what} we know. Use one of: {}.",
                        names.join(", ")
                    ),
                );
                None
            }
        }
    }
}

/// A key the file must hold once: the second and later rows with it are problems.
pub(super) fn once(
    row: &mut Row<'_>,
    seen: &mut HashMap<String, u64>,
    column: &str,
    key: &str,
    what: &str,
) {
    match seen.get(key) {
        Some(first) => {
            let message =
                format!("The {what} \"{key}\" is also on line {first}: give each row once.");
            row.problem(column, message);
        }
        None => {
            seen.insert(key.to_owned(), row.line);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use entity::enums::{MeetingKind, StaffRole};

    use super::*;

    fn row(problems: &mut Vec<Problem>) -> Row<'_> {
        Row {
            file: FileKind::Meetings,
            line: 7,
            problems,
            ok: true,
        }
    }

    #[test]
    fn times_are_uk_time_unless_they_carry_an_offset() {
        let mut problems = Vec::new();
        let mut r = row(&mut problems);
        let summer = r.moment("scheduled_at", Some("2026-07-01 10:00"));
        assert_eq!(
            summer,
            Some(Utc.with_ymd_and_hms(2026, 7, 1, 9, 0, 0).unwrap())
        );
        let winter = r.moment("scheduled_at", Some("2026-12-14T10:30"));
        assert_eq!(
            winter,
            Some(Utc.with_ymd_and_hms(2026, 12, 14, 10, 30, 0).unwrap())
        );
        let offset = r.moment("scheduled_at", Some("2026-07-01T10:00:00+02:00"));
        assert_eq!(
            offset,
            Some(Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap())
        );
        assert!(r.ok);
        // The hour the clocks skip, a day that is not one, and words are each a problem.
        assert_eq!(r.moment("scheduled_at", Some("2027-03-28 01:30")), None);
        assert_eq!(r.moment("scheduled_at", Some("2027-02-30 10:00")), None);
        assert_eq!(r.moment("scheduled_at", Some("next Tuesday")), None);
        assert!(!r.ok);
        assert_eq!(problems.len(), 3);
        assert!(problems.iter().all(|p| p.line == Some(7)));
        assert!(problems[0].message.contains("clocks go forward"));
    }

    #[test]
    fn kinds_and_roles_are_read_in_any_case_and_spacing() {
        let mut problems = Vec::new();
        let mut r = row(&mut problems);
        let kind: Option<MeetingKind> = r.one_of("kind", Some("Child In-Need Meeting"), "kind");
        assert_eq!(kind, Some(MeetingKind::ChildInNeedMeeting));
        let role: Option<StaffRole> = r.one_of("role", Some("SOCIAL_WORKER"), "role");
        assert_eq!(role, Some(StaffRole::SocialWorker));
        assert_eq!(r.yes_no("looked_after", Some("Yes")), Some(true));
        assert!(r.ok);
        let wrong: Option<MeetingKind> = r.one_of("kind", Some("case conference"), "kind");
        assert_eq!(wrong, None);
        assert_eq!(r.yes_no("looked_after", Some("perhaps")), None);
        assert_eq!(problems.len(), 2);
        assert!(
            problems[0]
                .message
                .contains("initial_child_protection_conference")
        );
    }
}
