//! The page's reads and writes. Checking uploads the files (multipart form data) to
//! `importRecords` as a dry run, which the API keeps for a day: the page then shows that check by
//! its id, every problem in it. "Import these files" imports the check as it stands, without the
//! files being chosen again. New staff's links come back once, in a short-lived cookie.
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::Flash;
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// The page's one read: a check by its id (with who is signed in), else who is signed in and the
/// last answer left for this page.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-import-answer")]
pub async fn load_import(check: Option<String>) -> Result<StaffRead<Option<Flash>>, PageError> {
    use super::ops::{ImportCheck, import_check};
    use crate::pages::staff::api::{Role, server as staff};

    let Some(id) = check.filter(|c| !c.is_empty()) else {
        let read = staff::signed_in_as(Role::Admin).await?;
        return Ok(read.map(|()| crate::pages::staff::once::take()));
    };
    match staff::page::<ImportCheck>(Role::Admin, import_check::Variables { id }).await {
        Ok(read) => {
            Ok(read.map(|data| Some(server::report!(data.import_check, import_check, Vec::new()))))
        }
        Err(error) if error.code() == crate::error::ErrorCode::NotFound => {
            let read = staff::signed_in_as(Role::Admin).await?;
            let message = "That check is no longer kept (checks are kept for 24 hours, and until their files are imported). Choose the files and check them again.".to_owned();
            Ok(read.map(|()| Some(Flash::Refused { message })))
        }
        Err(error) => Err(error),
    }
}

/// "Check the files": a dry run of the chosen files; the page then shows the check.
#[leptos::server(
    prefix = "/api/staff",
    endpoint = "admin-import",
    input = MultipartFormData
)]
pub async fn import_files(data: MultipartData) -> Result<Option<Flash>, PageError> {
    let checked = match server::read(data).await {
        Ok(form) => server::check(form).await?,
        Err(message) => Err(Flash::Refused { message }),
    };
    match checked {
        Ok(id) => {
            leptos_axum::redirect(&format!("/staff/import?check={id}"));
            Ok(None)
        }
        Err(flash) => Ok(crate::pages::staff::once::answer(
            flash,
            &server::again(),
            false,
        )),
    }
}

/// "Import these files": the check imported as it stands.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-import-checked")]
pub async fn import_checked(check_id: String) -> Result<Option<Flash>, PageError> {
    let flash = server::import(check_id).await?;
    Ok(crate::pages::staff::once::answer(
        flash,
        &server::again(),
        false,
    ))
}

#[cfg(feature = "ssr")]
mod server {
    use leptos::server_fn::codec::MultipartData;

    use super::super::ops::{self, import_records};
    use super::super::{Flash, NewLink};
    use crate::error::PageError;
    use crate::pages::staff::api::server::exec;

    /// A little over what the API takes in one upload, so its own clear limit answers first.
    const MAX_FORM_BYTES: usize = 240 * 1024;

    #[derive(Default)]
    pub struct Form {
        staff: Option<String>,
        children: Option<String>,
        meetings: Option<String>,
    }

    pub async fn read(data: MultipartData) -> Result<Form, String> {
        let too_big =
            || "These files are too big for one upload (at most 200 KB together).".to_owned();
        let unreadable = || "The files could not be read. Choose them again and retry.".to_owned();
        let mut form = Form::default();
        let Some(mut multipart) = data.into_inner() else {
            return Err(unreadable());
        };
        let mut total = 0usize;
        while let Ok(Some(mut field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        total += chunk.len();
                        if total > MAX_FORM_BYTES {
                            return Err(too_big());
                        }
                        bytes.extend_from_slice(&chunk);
                    }
                    Ok(None) => break,
                    Err(_) => return Err(unreadable()),
                }
            }
            let text = String::from_utf8(bytes).map_err(|_| {
                "A file is not plain text (UTF-8 CSV). Save it from your spreadsheet as \"CSV UTF-8\".".to_owned()
            })?;
            match name.as_str() {
                "staff" => form.staff = Some(text),
                "children" => form.children = Some(text),
                "meetings" => form.meetings = Some(text),
                _ => {}
            }
        }
        Ok(form)
    }

    /// A new address for the page, so its answer is read again.
    pub fn again() -> String {
        format!("/staff/import?at={}", chrono::Utc::now().timestamp_millis())
    }

    /// The `Report` fragment of either operation (a type each) as the page shows it, every
    /// problem included.
    macro_rules! report {
        ($r:expr, $op:ident, $links:expr) => {{
            let r = $r;
            let counts = |c: crate::pages::staff::admin::import::ops::$op::FileCounts| {
                crate::pages::staff::admin::import::Counts {
                    rows: c.rows,
                    created: c.created,
                    updated: c.updated,
                    unchanged: c.unchanged,
                }
            };
            crate::pages::staff::admin::import::Flash::Report {
                dry_run: r.dry_run,
                imported: r.imported,
                check_id: r.check_id,
                counts: [counts(r.staff), counts(r.children), counts(r.meetings)],
                problem_count: r.problems.len(),
                problems: r
                    .problems
                    .into_iter()
                    .map(|p| crate::pages::staff::admin::import::Problem {
                        file: format!("{:?}", p.file).to_lowercase(),
                        line: p.line,
                        column: p.column,
                        message: p.message,
                    })
                    .collect(),
                links: $links,
                links_left_out: 0,
            }
        }};
    }
    pub(super) use report;

    /// Refused input (too big, no file…) as the page says it.
    fn refused(error: PageError) -> Result<Flash, PageError> {
        match crate::pages::staff::admin::field_error(&error) {
            Some((_, message)) => Ok(Flash::Refused { message }),
            None => Err(error),
        }
    }

    /// The chosen files checked: the check's id, or why they could not be checked.
    pub async fn check(form: Form) -> Result<Result<String, Flash>, PageError> {
        let input = import_records::ImportRecordsInput {
            staff_csv: form.staff,
            children_csv: form.children,
            meetings_csv: form.meetings,
            dry_run: true,
            check_id: None,
        };
        match exec::<ops::ImportRecords>(import_records::Variables { input }).await {
            Ok(data) => Ok(data
                .import_records
                .report
                .check_id
                .ok_or_else(|| Flash::Refused {
                    message: "The files were checked but the check was not kept. Check them again."
                        .into(),
                })),
            Err(error) => refused(error).map(Err),
        }
    }

    /// A check imported: counts and new staff's links, shown once.
    pub async fn import(check_id: String) -> Result<Flash, PageError> {
        let input = import_records::ImportRecordsInput {
            staff_csv: None,
            children_csv: None,
            meetings_csv: None,
            dry_run: false,
            check_id: Some(check_id),
        };
        let answer = match exec::<ops::ImportRecords>(import_records::Variables { input }).await {
            Ok(data) => data.import_records,
            Err(error) if error.code() == crate::error::ErrorCode::NotFound => {
                return Ok(Flash::Refused {
                    message: "Those files were imported already, or their check is no longer kept. Choose the files and check them again.".into(),
                });
            }
            Err(error) => return refused(error),
        };
        let links = answer
            .new_staff_links
            .into_iter()
            .map(|l| NewLink {
                name: l.name,
                email: l.email,
                path: l.password_link_path,
            })
            .collect();
        let mut flash = report!(answer.report, import_records, links);
        // The answer travels in a cookie (about 4 KB, written as hex). Problems here are rare
        // (the records changed since the check): fewer rows rather than none; the heading counts
        // every one.
        // New staff's links past what fits are left out, counted: the page says where to make them.
        while serde_json::to_vec(&flash).map_or(0, |json| json.len()) > MAX_FLASH_JSON {
            match &mut flash {
                Flash::Report { problems, .. } if !problems.is_empty() => {
                    problems.pop();
                }
                Flash::Report {
                    links,
                    links_left_out,
                    ..
                } if !links.is_empty() => {
                    links.pop();
                    *links_left_out += 1;
                }
                _ => break,
            }
        }
        Ok(flash)
    }

    /// What the cookie can carry, as JSON: hex doubles it, and the cookie's own name and
    /// attributes need room too.
    const MAX_FLASH_JSON: usize = 1_800;
}
