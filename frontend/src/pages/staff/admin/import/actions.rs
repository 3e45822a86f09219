//! The page's one read (the last upload's answer) and its one write: the files, posted as
//! multipart form data, handed to `importRecords`.
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::Flash;
use crate::error::PageError;
use crate::pages::staff::api::StaffRead;

/// One read, who is signed in: the last upload's answer itself came from the API.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-import-answer")]
pub async fn load_import() -> Result<StaffRead<Option<Flash>>, PageError> {
    use crate::pages::staff::api::{Role, server::signed_in_as};
    let read = signed_in_as(Role::Admin).await?;
    Ok(read.map(|()| crate::pages::staff::once::take()))
}

#[leptos::server(
    prefix = "/api/staff",
    endpoint = "admin-import",
    input = MultipartFormData
)]
pub async fn import_files(data: MultipartData) -> Result<Option<Flash>, PageError> {
    let back = format!("/staff/import?at={}", chrono::Utc::now().timestamp_millis());
    let flash = match server::read(data).await {
        Ok(form) => server::run(form).await?,
        Err(message) => Flash::Refused { message },
    };
    Ok(crate::pages::staff::once::answer(flash, &back, false))
}

#[cfg(feature = "ssr")]
mod server {
    use leptos::server_fn::codec::MultipartData;

    use super::super::ops::{self, import_records};
    use super::super::{Counts, Flash, NewLink, PAGE_STAFF_ROWS, Problem, SHOWN_PROBLEMS};
    use crate::error::PageError;

    /// A little over what the API takes in one upload, so its own clear limit answers first.
    const MAX_FORM_BYTES: usize = 240 * 1024;

    #[derive(Default)]
    pub struct Form {
        staff: Option<String>,
        children: Option<String>,
        meetings: Option<String>,
        dry_run: bool,
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
                "action" => form.dry_run = text.trim() != "import",
                _ => {}
            }
        }
        Ok(form)
    }

    /// The three files' counts have a type each; the same four numbers.
    macro_rules! counts {
        ($c:expr) => {
            Counts {
                rows: $c.rows,
                created: $c.created,
                updated: $c.updated,
                unchanged: $c.unchanged,
            }
        };
    }

    pub async fn run(form: Form) -> Result<Flash, PageError> {
        let staff_rows = form.staff.as_deref().map_or(0, |t| {
            t.lines().skip(1).filter(|l| !l.trim().is_empty()).count()
        });
        if !form.dry_run && staff_rows > PAGE_STAFF_ROWS {
            return Ok(Flash::Refused {
                message: format!(
                    "On this page a staff file has at most {PAGE_STAFF_ROWS} people, so that each new person's link can be shown. Use `myvoice import` for more."
                ),
            });
        }
        let input = import_records::ImportRecordsInput {
            staff_csv: form.staff,
            children_csv: form.children,
            meetings_csv: form.meetings,
            dry_run: form.dry_run,
        };
        let answer = crate::pages::staff::api::server::exec::<ops::ImportRecords>(
            import_records::Variables { input },
        )
        .await;
        let report = match answer {
            Ok(data) => data.import_records,
            Err(error) => match crate::pages::staff::admin::field_error(&error) {
                Some((_, message)) => return Ok(Flash::Refused { message }),
                None => return Err(error),
            },
        };
        let problem_count = report.problems.len();
        let problems = report
            .problems
            .into_iter()
            .take(SHOWN_PROBLEMS)
            .map(|p| Problem {
                file: format!("{:?}", p.file).to_lowercase(),
                line: p.line,
                column: p.column,
                message: shorten(&p.message),
            })
            .collect();
        let mut flash = Flash::Report {
            dry_run: report.dry_run,
            imported: report.imported,
            counts: [
                counts!(report.staff),
                counts!(report.children),
                counts!(report.meetings),
            ],
            problems,
            problem_count,
            links: report
                .new_staff_links
                .into_iter()
                .map(|l| NewLink {
                    name: l.name,
                    email: l.email,
                    path: l.password_link_path,
                })
                .collect(),
        };
        // The answer travels in a cookie (about 4 KB, written as hex): fewer rows rather than
        // none at all. The heading still counts every problem.
        while serde_json::to_vec(&flash).map_or(0, |json| json.len()) > MAX_FLASH_JSON {
            match &mut flash {
                Flash::Report { problems, .. } if !problems.is_empty() => {
                    problems.pop();
                }
                _ => break,
            }
        }
        Ok(flash)
    }

    /// What the cookie can carry, as JSON: hex doubles it, and the cookie's own name and
    /// attributes need room too.
    const MAX_FLASH_JSON: usize = 1_800;

    /// A long message cut at a word, with an ellipsis.
    fn shorten(message: &str) -> String {
        const MAX: usize = 200;
        if message.chars().count() <= MAX {
            return message.to_owned();
        }
        let cut: String = message.chars().take(MAX).collect();
        let at = cut.rfind([' ', ',']).unwrap_or(cut.len());
        format!("{}…", &cut[..at])
    }
}
