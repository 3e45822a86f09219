//! `myvoice-bench` on a small dataset, so the benchmark keeps working as the schema changes: the
//! generator writes 50 children through the real migrations (every constraint and tenancy key
//! checked), the hand-written baseline answers exactly the JSON GraphQL answers, and each scenario
//! runs for a second without an error. No timings are asserted.
use std::time::Duration;

use api::startup::Application;
use myvoice_bench::server::Target;
use myvoice_bench::{baseline, dataset, load, pools, run, scenarios};
use tests::app::{TEST_METRICS_TOKEN, settings, test_tokens};
use tests::db::TestDb;

const SECOND: Duration = Duration::from_secs(1);

#[tokio::test]
async fn the_benchmark_runs_each_scenario_on_a_small_dataset() {
    let test_db = TestDb::fresh().await;
    let app = Application::build(settings(&test_db, false))
        .await
        .expect("application starts");
    let myvoice = Target {
        name: "myvoice",
        base: format!("http://{}", app.address()),
        pid: None,
        metrics_token: Some(TEST_METRICS_TOKEN.to_owned()),
    };
    tokio::spawn(app.run_until_stopped());
    let db = run::connect_for_loading(&test_db.url)
        .await
        .expect("connect");
    let data = dataset::generate(&db, 50).await.expect("dataset");
    let l = data.layout;
    assert_eq!((l.advocates, l.social_workers, l.isros), (1, 2, 1));
    assert!(data.rows > 50 * 10, "{} rows", data.rows);

    let tokens = test_tokens();
    let baseline = Target {
        name: "baseline",
        base: format!(
            "http://{}",
            baseline::spawn(&test_db.url, tokens.clone())
                .await
                .expect("baseline")
        ),
        pid: None,
        metrics_token: None,
    };
    let http = load::http_client(4);
    let page = run::same_caseload(&http, &tokens, &l, &myvoice, &baseline)
        .await
        .expect("the baseline answers what GraphQL answers");
    let caseload = &page["data"]["myCaseload"];
    assert_eq!(caseload["totalCount"], 50, "open cases only");
    assert_eq!(caseload["edges"].as_array().unwrap().len(), 50);

    let plan = scenarios::caseload(&tokens, &l, 2).unwrap();
    for target in [&myvoice, &baseline] {
        let m = run::measure("caseload", target, &http, &plan, Duration::ZERO, SECOND)
            .await
            .unwrap();
        assert!(m.requests > 0 && m.errors == 0, "{m:?}");
        let per_request = m.statements_per_request.unwrap();
        assert_eq!(
            per_request.fract(),
            0.0,
            "the same statements every time: {m:?}"
        );
    }

    let pool = pools::drafts(&db, &l, 2, 100).await.unwrap();
    let first: Vec<usize> = pool.iter().map(|items| items[0].child).collect();
    let graphql = format!("{}/graphql", myvoice.base);
    let signed_in = scenarios::sign_in_children(&db, &http, &graphql, &l, &first)
        .await
        .expect("children sign in with their codes");
    let plan = scenarios::submit(&tokens, &l, &pool, &signed_in).unwrap();
    let m = run::measure(
        "submitViews",
        &myvoice,
        &http,
        &plan,
        Duration::ZERO,
        SECOND,
    )
    .await
    .unwrap();
    assert!(m.requests > 0 && m.errors == 0, "{m:?}");

    let pool = pools::referrable(&db, &l, 2, 100).await.unwrap();
    let plan = scenarios::referrals(&tokens, &l, &pool).unwrap();
    let m = run::measure(
        "createReferral",
        &myvoice,
        &http,
        &plan,
        Duration::ZERO,
        SECOND,
    )
    .await
    .unwrap();
    assert!(m.requests > 0 && m.errors == 0, "{m:?}");
}
