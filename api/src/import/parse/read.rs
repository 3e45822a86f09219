//! A file's header, checked against the columns it may have, then its rows with line numbers.
use serde::de::DeserializeOwned;

use super::super::{FileKind, MAX_ROWS, Problem};
use crate::error::{ApiError, ApiResult};

/// The header, checked, then every row as `T` with its line number. A row the CSV reader cannot
/// read (a stray quote, a wrong number of fields) is a problem; the others are still read.
pub(super) fn read<T: DeserializeOwned>(
    file: FileKind,
    text: &str,
    columns: &[&str],
    required: &[&str],
    problems: &mut Vec<Problem>,
) -> ApiResult<Vec<(u64, T)>> {
    let whole = |problems: &mut Vec<Problem>, column: Option<String>, message: String| {
        problems.push(Problem {
            file,
            line: Some(1),
            column,
            message,
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            whole(
                problems,
                None,
                format!("The first line cannot be read as CSV: {e}."),
            );
            return Ok(Vec::new());
        }
    };
    let names: Vec<String> = header
        .iter()
        .map(|h| {
            h.trim_start_matches('\u{feff}')
                .trim()
                .to_lowercase()
                .replace([' ', '-'], "_")
        })
        .collect();
    for name in &names {
        if !columns.contains(&name.as_str()) {
            whole(
                problems,
                Some(name.clone()),
                format!(
                    "\"{name}\" is not a column of the {} file. Its columns are: {}.",
                    file.name(),
                    columns.join(", ")
                ),
            );
        }
    }
    for column in required {
        if !names.iter().any(|n| n == column) {
            whole(
                problems,
                Some((*column).to_owned()),
                format!("The first line has no \"{column}\" column."),
            );
        }
    }
    let headers = csv::StringRecord::from(names.clone());
    let mut rows = Vec::new();
    for record in reader.records() {
        if rows.len() >= MAX_ROWS {
            return Err(ApiError::bad_input(
                file.field(),
                format!(
                    "The {} file has more than {MAX_ROWS} rows. Split it and import the parts one after another.",
                    file.name()
                ),
            ));
        }
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                problems.push(Problem {
                    file,
                    line,
                    column: None,
                    message: format!("This line cannot be read as CSV: {e}."),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            problems.push(Problem {
                file,
                line: Some(line),
                column: None,
                message: format!(
                    "This row has {} fields but the first line names {} columns.",
                    record.len(),
                    names.len()
                ),
            });
            continue;
        }
        match record.deserialize::<T>(Some(&headers)) {
            Ok(raw) => rows.push((line, raw)),
            Err(e) => problems.push(Problem {
                file,
                line: Some(line),
                column: None,
                message: format!("This row cannot be read: {e}."),
            }),
        }
    }
    Ok(rows)
}
