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
