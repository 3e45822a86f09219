//! The archive: a zip made in memory, never on disk. One JSON file per table (`data/<table>.json`,
//! the rows as the database holds them, every column, times in ISO 8601 UTC), the printable
//! statements (`statements/*.html`) and a README.txt saying what each file is.
use std::collections::HashMap;
use std::io::{Cursor, Write};

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::sea_query::Value;
use sea_orm::{EntityTrait, IdenStatic, Iterable, ModelTrait};
use serde_json::{Map, Value as Json};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::statement;
use crate::data_protection::held::{HELD, Held};
use crate::error::{ApiError, ApiResult};

/// One column's value as JSON: times as ISO 8601 (`2026-12-07T16:43:50.123Z`) on every engine,
/// dates as `YYYY-MM-DD`, JSON columns as JSON, enums as their stored text.
fn json_value(value: Value) -> Json {
    match value {
        Value::ChronoDateTimeUtc(Some(at)) => Json::String(iso(&at)),
        Value::ChronoDate(Some(day)) => Json::String(day.format("%Y-%m-%d").to_string()),
        Value::ChronoDateTime(Some(at)) => Json::String(iso(&at.and_utc())),
        Value::ChronoDateTimeWithTimeZone(Some(at)) => Json::String(iso(&at.with_timezone(&Utc))),
        other => sea_orm::sea_query::value::sea_value_to_json_value(&other),
    }
}

fn iso(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Every row, every column, by the column's name in the database.
pub fn rows<M>(models: &[M]) -> Vec<Json>
where
    M: ModelTrait,
{
    models
        .iter()
        .map(|model| {
            let mut row = Map::new();
            for column in <<M as ModelTrait>::Entity as EntityTrait>::Column::iter() {
                row.insert(column.as_str().to_owned(), json_value(model.get(column)));
            }
            Json::Object(row)
        })
        .collect()
}

/// Columns that are credentials, not information about the child: a digest of the access code
/// and the PIN's hash would help someone guess them, and tell the child nothing.
const CREDENTIALS: &[&str] = &["code_digest", "pin_hash"];
const WITHHELD: &str = "(withheld: a sign-in secret)";

fn withheld(mut rows: Vec<Json>, columns: &[&str]) -> Vec<Json> {
    for row in &mut rows {
        for column in columns {
            if let Some(value) = row.get_mut(*column) {
                *value = Json::String(WITHHELD.to_owned());
            }
        }
    }
    rows
}

/// The rows of each held table, in `HELD`'s order (`data/<table>.json`).
pub fn tables(held: &Held) -> Vec<(&'static str, Vec<Json>)> {
    let by_table: HashMap<&str, Vec<Json>> = HashMap::from([
        ("child", rows(std::slice::from_ref(&held.child))),
        (
            "child_access",
            withheld(rows(&held.child_access), CREDENTIALS),
        ),
        ("referral", rows(&held.referrals)),
        ("advocacy_case", rows(&held.cases)),
        ("advocate_note", rows(&held.advocate_notes)),
        ("meeting_child", rows(&held.meeting_child)),
        ("meeting", rows(&held.meetings)),
        ("meeting_agency", rows(&held.meeting_agencies)),
        ("outcome_distribution", rows(&held.outcome_distributions)),
        ("views", rows(&held.views)),
        ("views_version", rows(&held.views_versions)),
        ("views_share", rows(&held.views_shares)),
        ("views_handed", rows(&held.views_handed)),
        ("view_answer", rows(&held.view_answers)),
        ("child_message", rows(&held.child_messages)),
        ("urgent_help", rows(&held.urgent_help)),
        ("legal_hold", rows(&held.legal_holds)),
        ("erasure_request", rows(&held.erasure_requests)),
        ("notice", rows(&held.notices)),
        ("audit_event", rows(&held.audit_events)),
    ]);
    let mut by_table = by_table;
    HELD.iter()
        .map(|(table, _, _)| (*table, by_table.remove(table).unwrap_or_default()))
        .collect()
}

fn readme(held: &Held, made_at: DateTime<Utc>, statements: &[(String, String)]) -> String {
    let mut text = format!(
        "Everything myvoice holds about one child\r\n\
         =======================================\r\n\r\n\
         Child: {} (record {})\r\nMade: {} (UTC)\r\n\r\n\
         This archive was made when it was downloaded and is not kept on the server.\r\n\
         Keep it as safely as the child's file.\r\n\r\n\
         data/<table>.json: the rows exactly as the database holds them, one JSON object per row,\r\n\
         every column by its name. Times are ISO 8601 in UTC; days are YYYY-MM-DD. The child's\r\n\
         words are exactly as written. Sign-in secrets (the digest of the child's access code and\r\n\
         the hash of their PIN) are withheld.\r\n\r\n",
        held.child.preferred_name,
        held.child.id,
        iso(&made_at),
    );
    for (table, _, what) in HELD {
        text.push_str(&format!("  data/{table}.json: {what}\r\n"));
    }
    text.push_str(
        "\r\nstatements/*.html: the printable statement of each of the child's views (the newest\r\n\
         version the child sent), as staff see it on the statement page. Open in a browser and print.\r\n",
    );
    if statements.is_empty() {
        text.push_str("  (The child has not sent any views: there is no statement.)\r\n");
    }
    text
}

/// The zip, in memory. `names`: staff names by id, for the statements.
pub fn build(
    held: &Held,
    names: &HashMap<i32, String>,
    made_at: DateTime<Utc>,
) -> ApiResult<Vec<u8>> {
    let statements = statement::all(held, names)?;
    let zip_error = |e: zip::result::ZipError| ApiError::Internal(format!("export zip: {e}"));
    let io_error = |e: std::io::Error| ApiError::Internal(format!("export zip: {e}"));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("README.txt", options).map_err(zip_error)?;
    zip.write_all(readme(held, made_at, &statements).as_bytes())
        .map_err(io_error)?;
    for (table, rows) in tables(held) {
        zip.start_file(format!("data/{table}.json"), options)
            .map_err(zip_error)?;
        let body = serde_json::to_vec_pretty(&rows)
            .map_err(|e| ApiError::Internal(format!("export {table}: {e}")))?;
        zip.write_all(&body).map_err(io_error)?;
    }
    for (name, html) in &statements {
        zip.start_file(name.as_str(), options).map_err(zip_error)?;
        zip.write_all(html.as_bytes()).map_err(io_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
