//! The coordinator's oversight page in Chromium, JavaScript on and off, on the measures that
//! `oversight.rs` checks exactly through the API: the page must show the same figures.
use serde_json::{Value, json};
use tests::app::{repo_root, spawn_demo_app};

use super::browser::run_browser_script;

#[tokio::test]
async fn the_oversight_page_charts_the_measures_with_their_figures_and_refuses_a_bad_period() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    super::oversight::build(&on).await;
    super::oversight::build(&off).await;
    let shots = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let args = vec![on.url(""), off.url(""), shots.display().to_string()];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-oversight.mjs", &args))
            .await
            .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");
    for result in &results {
        let run = format!("oversight with JavaScript {}", result["javaScript"]);
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "{run}: console errors or failed requests"
        );
        for check in result["checks"].as_array().expect("checks") {
            assert_eq!(
                check["violations"],
                json!([]),
                "{run}: axe on {}",
                check["page"]
            );
            assert_eq!(
                check["overflow"], false,
                "{run}: {} scrolls sideways",
                check["page"]
            );
        }
        assert_eq!(
            result["otherProblems"],
            json!([]),
            "{run}: console errors or failed requests for another role"
        );
        assert_eq!(result["charts"], 6, "{run}: a chart per measure");
        assert_eq!(
            result["reloadedCharts"], 6,
            "{run}: the page loaded from its address"
        );
        // All meetings together (see oversight.rs): 5 referrals in March, 3 complete.
        let figures = &result["figures"];
        let month = |measure: &str, month: &str| figures[measure][month].clone();
        assert_eq!(
            month("Referrals received", "Mar 2025"),
            "5",
            "{run}: {figures}"
        );
        assert_eq!(month("Referrals complete", "Mar 2025"), "60.0%", "{run}");
        assert_eq!(
            month("Referrals complete", "Apr 2025"),
            "–",
            "{run}: nothing to measure"
        );
        assert_eq!(
            month("Median lead time (working days)", "Mar 2025"),
            "6.0 days",
            "{run}"
        );
        assert_eq!(
            month("Children heard at the meeting", "Apr 2025"),
            "100.0%",
            "{run}"
        );
        assert_eq!(
            month("Outcomes acknowledged by every agency", "Mar 2025"),
            "50.0%",
            "{run}"
        );
        let labels: Vec<&str> = result["chartLabels"]
            .as_array()
            .expect("labels")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            labels.contains(&"From Mar 2025 to Apr 2025: 33.3% in the first month with data, 100.0% in the last."),
            "{run}: the chart says what it shows: {labels:?}"
        );
        // CiN meetings only: the one CiN referral in March was complete.
        assert_eq!(
            result["cinReferralsComplete"],
            json!(["100.0%", "–"]),
            "{run}"
        );
        let problem = result["problem"].as_str().unwrap_or_default();
        assert!(problem.contains("There is a problem"), "{run}: {problem}");
        assert_eq!(
            result["keptFrom"], "2025-05-01",
            "{run}: the typed date is kept"
        );
        assert_eq!(
            result["otherRole"], "This page is not for your role",
            "{run}"
        );
    }
}
