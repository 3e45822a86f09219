//! The upload form and the last upload's answer: counts per file, every bad row in a table, and
//! new staff's one-time links.
use leptos::prelude::*;

use super::{Counts, Flash, NewLink, Problem};

const FILES: [(&str, &str, &str); 3] = [
    (
        "staff",
        "Staff",
        "Columns: email, name, role (advocate, social_worker, isro, coordinator or admin).",
    ),
    (
        "children",
        "Children",
        "Columns: reference, preferred_name, date_of_birth (YYYY-MM-DD), looked_after (yes or no); \
         optional language, communication_needs, lives_with, social_worker_email.",
    ),
    (
        "meetings",
        "Meetings",
        "Columns: reference, kind (e.g. initial_child_protection_conference, child_in_need_meeting, \
         children_looked_after_review), child_references (separated by ;); optional scheduled_at \
         (YYYY-MM-DD HH:MM, UK time), place, chair_email (an ISRO), social_worker_email.",
    ),
];

/// A plain multipart form: the browser posts the files itself, with or without JavaScript.
#[component]
pub fn ImportForm() -> impl IntoView {
    view! {
        <form class="card" method="post" action="/api/staff/admin-import" enctype="multipart/form-data">
            <h2>"Choose the files"</h2>
            <p class="hint">
                "CSV files whose first line names the columns. Choose one, two or all three: staff are "
                "added first, then children, then meetings, so a meeting may name a child or an ISRO "
                "from the same upload. Nothing is written until you have checked the files and pressed "
                "\"Import these files\"."
            </p>
            {FILES
                .iter()
                .map(|(name, label, hint)| {
                    let hint_id = format!("{name}-hint");
                    view! {
                        <div class="field">
                            <label for=*name>{format!("{label} file (CSV)")}</label>
                            <p class="hint" id=hint_id.clone()>{*hint}</p>
                            <input type="file" id=*name name=*name accept=".csv,text/csv" aria-describedby=hint_id />
                        </div>
                    }
                })
                .collect_view()}
            <div class="actions">
                <button type="submit" class="button primary">"Check the files"</button>
            </div>
        </form>
    }
}

fn counts_row(label: &'static str, c: &Counts, worked_out: bool) -> impl IntoView + use<> {
    let cell = move |n: i64| {
        if worked_out {
            n.to_string()
        } else {
            "–".to_owned()
        }
    };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{c.rows}</td>
            <td>{cell(c.created)}</td>
            <td>{cell(c.updated)}</td>
            <td>{cell(c.unchanged)}</td>
        </tr>
    }
}

#[component]
fn ProblemTable(problems: Vec<Problem>) -> impl IntoView {
    view! {
        <table class="caseload admin-table" data-testid="import-problems">
            <caption class="visually-hidden">"Rows with a problem, by file and line"</caption>
            <thead>
                <tr>
                    <th scope="col">"File"</th>
                    <th scope="col">"Line"</th>
                    <th scope="col">"Column"</th>
                    <th scope="col">"What is wrong"</th>
                </tr>
            </thead>
            <tbody>
                {problems
                    .into_iter()
                    .map(|p| view! {
                        <tr>
                            <td>{p.file}</td>
                            <td>{p.line.map(|l| l.to_string()).unwrap_or_default()}</td>
                            <td>{p.column.unwrap_or_default()}</td>
                            <td>{p.message}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The files of a check with no problem, imported as they were checked.
#[component]
fn ImportChecked(check_id: String) -> impl IntoView {
    view! {
        <form method="post" action="/api/staff/admin-import-checked">
            <input type="hidden" name="check_id" value=check_id />
            <button type="submit" class="button primary">"Import these files"</button>
        </form>
    }
}

#[component]
fn Links(links: Vec<NewLink>, left_out: usize) -> impl IntoView {
    view! {
        <section class="card once" aria-labelledby="links-title">
            <h2 id="links-title">"New staff: their links to set a password"</h2>
            <p class="hint">
                "This is the only time they are shown. Send each person their own link, to them only; "
                "it works once, for 72 hours. Put the address people use to reach myvoice in front."
            </p>
            <ul data-testid="new-staff-links">
                {links
                    .into_iter()
                    .map(|l| view! { <li>{format!("{} ({}): ", l.name, l.email)}<code>{l.path}</code></li> })
                    .collect_view()}
            </ul>
            {(left_out > 0).then(|| view! {
                <p>
                    {format!("{left_out} more new staff are not listed here. Make each one's link with \"New set-password link\" on ")}
                    <a href="/staff">"Staff users"</a>"."
                </p>
            })}
        </section>
    }
}

#[component]
pub fn ReportView(flash: Option<Flash>) -> impl IntoView {
    match flash {
        None => ().into_any(),
        Some(Flash::Refused { message }) => view! {
            <div class="error-summary" role="alert"><h2>"Not done"</h2><p>{message}</p></div>
        }
        .into_any(),
        Some(Flash::Report {
            dry_run,
            imported,
            counts,
            problems,
            problem_count,
            check_id,
            links,
            links_left_out,
        }) => {
            let clean = problem_count == 0;
            let heading = match (clean, dry_run, imported) {
                (false, ..) => format!("{problem_count} rows have a problem: nothing was imported"),
                (true, true, _) => "The files are ready to import".to_owned(),
                (true, false, true) => "Imported".to_owned(),
                (true, false, false) => "Nothing was imported".to_owned(),
            };
            let more = (problem_count > problems.len()).then(|| view! {
                <p class="hint">{format!(
                    "The first {} of {problem_count} are shown. Check the files again to see every one.",
                    problems.len()
                )}</p>
            });
            let next = match (clean, dry_run) {
                (true, true) => {
                    "Nothing has been written yet. Import these files as they were checked, or choose other files below."
                }
                (false, _) => "Put these rows right in your files, then check them again.",
                _ => "Importing the same files again changes nothing.",
            };
            let [staff, children, meetings] = counts;
            view! {
                <section class=if clean { "card" } else { "error-summary" } role=if clean { "status" } else { "alert" } aria-labelledby="report-title">
                    <h2 id="report-title">{heading}</h2>
                    <table class="caseload admin-table">
                        <caption class="visually-hidden">{if dry_run { "What importing would do, per file" } else { "What the import did, per file" }}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"File"</th>
                                <th scope="col">"Rows"</th>
                                <th scope="col">"New"</th>
                                <th scope="col">"Changed"</th>
                                <th scope="col">"Unchanged"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {counts_row("Staff", &staff, clean)}
                            {counts_row("Children", &children, clean)}
                            {counts_row("Meetings", &meetings, clean)}
                        </tbody>
                    </table>
                    <p>{next}</p>
                    {check_id.filter(|_| clean && dry_run).map(|check_id| view! { <ImportChecked check_id /> })}
                </section>
                {(!problems.is_empty()).then(|| view! { <ProblemTable problems /> })}
                {more}
                {(!links.is_empty() || links_left_out > 0).then(|| view! { <Links links left_out=links_left_out /> })}
            }
            .into_any()
        }
    }
}
