//! What integrators' tools need (issue 17, item 10): the standard introspection query that
//! GraphiQL, code generators, Postman and schema fuzzers send is answered, for anyone; the depth
//! limit still holds for data; and every error, the schema's own included, carries
//! `extensions.code`.
use serde_json::{Value, json};
use tests::app::{TestApp, graphql_with_key, integrator_key, spawn_demo_app};

/// graphql-js 16.15 `getIntrospectionQuery()`, with its defaults, as the tools send it.
const INTROSPECTION_QUERY: &str = r#"
    query IntrospectionQuery {
      __schema {
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          locations
          args {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      fields(includeDeprecated: true) {
        name
        description
        args {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
"#;

/// The whole schema as the introspection answer describes it.
fn assert_full_schema(body: &Value, who: &str) {
    assert!(body["errors"].is_null(), "{who}: {body}");
    let schema = &body["data"]["__schema"];
    assert_eq!(schema["queryType"]["name"], "QueryRoot", "{who}");
    assert_eq!(schema["mutationType"]["name"], "MutationRoot", "{who}");
    assert_eq!(
        schema["subscriptionType"]["name"], "SubscriptionRoot",
        "{who}"
    );
    let types = schema["types"].as_array().expect("types");
    let sdl = std::fs::read_to_string(tests::app::repo_root().join("schema.graphql")).unwrap();
    for ty in types {
        let name = ty["name"].as_str().unwrap();
        if !name.starts_with("__") && !["String", "Boolean", "Int", "Float", "ID"].contains(&name) {
            assert!(
                sdl.contains(&format!(" {name} ")) || sdl.contains(&format!(" {name}\n")),
                "{who}: {name} is not in schema.graphql"
            );
        }
    }
    let type_named = |name: &str| types.iter().find(|t| t["name"] == name).expect(name);
    let field_names = |ty: &Value| -> Vec<String> {
        ty["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let queries = field_names(type_named("QueryRoot"));
    assert!(
        queries.contains(&"meetings".to_owned()) && queries.contains(&"me".to_owned()),
        "{who}"
    );
    assert!(
        field_names(type_named("MutationRoot")).contains(&"signIn".to_owned()),
        "{who}"
    );
    // The nested type references come through: `[ViewsVersion!]!` is four levels deep.
    let history = type_named("QueryRoot")["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "myViewsHistory")
        .expect("myViewsHistory");
    assert_eq!(
        history["type"]["ofType"]["ofType"]["ofType"]["name"], "ViewsVersion",
        "{who}"
    );
}

#[tokio::test]
async fn the_standard_introspection_query_answers_anonymously_and_for_an_integrator() {
    let app = spawn_demo_app().await;
    let anonymous = app.graphql(INTROSPECTION_QUERY, json!({})).await;
    assert_full_schema(&anonymous, "anonymous");
    let key = integrator_key(&app, "[READ_MEETINGS]").await;
    let integrator = graphql_with_key(&app, &key, INTROSPECTION_QUERY, json!({})).await;
    assert_full_schema(&integrator, "integrator");
    assert_eq!(anonymous, integrator);
    // With an operation name, as GraphiQL sends it.
    let named = app
        .client
        .post(app.url("/graphql"))
        .json(&json!({ "query": INTROSPECTION_QUERY, "operationName": "IntrospectionQuery" }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(named, anonymous);
}

/// The first error's code and message.
fn first_error(body: &Value) -> (String, String) {
    let error = &body["errors"][0];
    (
        error["extensions"]["code"]
            .as_str()
            .unwrap_or("(no code)")
            .to_owned(),
        error["message"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn assert_code(app: &TestApp, query: &str, variables: Value, code: &str) {
    let body = app.graphql(query, variables).await;
    let (got, message) = first_error(&body);
    assert_eq!(got, code, "{query}: {body}");
    assert!(!message.is_empty(), "{query}: {body}");
    for error in body["errors"].as_array().unwrap() {
        assert!(error["extensions"]["code"].is_string(), "{query}: {body}");
    }
}

#[tokio::test]
async fn every_kind_of_error_carries_a_code() {
    let app = spawn_demo_app().await;
    const PARSE: &str = "GRAPHQL_PARSE_FAILED";
    const VALIDATION: &str = "GRAPHQL_VALIDATION_FAILED";
    const INPUT: &str = "BAD_USER_INPUT";
    const TOO_MUCH: &str = "QUERY_TOO_COMPLEX";
    let none = json!({});
    // Not GraphQL at all.
    assert_code(&app, "{ apiVersion", none.clone(), PARSE).await;
    assert_code(&app, "", none.clone(), PARSE).await;
    assert_code(&app, "{ apiVersion(x: ) }", none.clone(), PARSE).await;
    // Does not fit the schema.
    assert_code(&app, "{ noSuchField }", none.clone(), VALIDATION).await;
    assert_code(&app, "{ me }", none.clone(), VALIDATION).await;
    assert_code(&app, "{ meeting { id } }", none.clone(), VALIDATION).await;
    assert_code(&app, "{ apiVersion(x: 1) }", none.clone(), VALIDATION).await;
    assert_code(
        &app,
        "query($x: Int) { apiVersion }",
        none.clone(),
        VALIDATION,
    )
    .await;
    assert_code(&app, "{ ...F }", none.clone(), VALIDATION).await;
    assert_code(
        &app,
        "query A { apiVersion } query B { apiVersion }",
        none.clone(),
        VALIDATION,
    )
    .await;
    assert_code(
        &app,
        "subscription { urgentHelpRaised { urgentHelpId } }",
        none.clone(),
        VALIDATION,
    )
    .await;
    // Values that do not fit their types: literals and variables.
    assert_code(
        &app,
        "{ myCaseload(first: \"ten\") { totalCount } }",
        none.clone(),
        INPUT,
    )
    .await;
    assert_code(
        &app,
        "{ myCaseload(status: NO_SUCH_STATUS) { totalCount } }",
        none.clone(),
        INPUT,
    )
    .await;
    let by_status = "query($s: CaseStatus) { myCaseload(status: $s) { totalCount } }";
    assert_code(&app, by_status, json!({ "s": "NO_SUCH_STATUS" }), INPUT).await;
    let by_first = "query($n: Int) { myCaseload(first: $n) { totalCount } }";
    assert_code(&app, by_first, json!({ "n": "ten" }), INPUT).await;
    assert_code(&app, by_first, json!({ "n": 1.5 }), INPUT).await;
    let needs = "query($id: ID!) { meeting(id: $id) { id } }";
    assert_code(&app, needs, json!({}), INPUT).await;
    // Too much at once.
    let aliases: Vec<String> = (0..31).map(|i| format!("a{i}: apiVersion")).collect();
    assert_code(
        &app,
        &format!("{{ {} }}", aliases.join(" ")),
        none.clone(),
        TOO_MUCH,
    )
    .await;
    assert_code(
        &app,
        &format!("{{ {} }}", vec!["apiVersion"; 501].join(" ")),
        none.clone(),
        TOO_MUCH,
    )
    .await;
    let lists =
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
    assert_code(&app, lists, none.clone(), TOO_MUCH).await;
    let deep_refs = format!(
        "{{ __type(name: \"Meeting\") {{ {} name {} }} }}",
        "ofType {".repeat(40),
        "}".repeat(40)
    );
    assert_code(&app, &deep_refs, none.clone(), TOO_MUCH).await;
    // The API's own refusals keep their codes.
    assert_code(
        &app,
        "{ myCaseload { totalCount } }",
        none.clone(),
        "UNAUTHENTICATED",
    )
    .await;
}

#[tokio::test]
async fn the_depth_limit_still_holds_for_anything_that_touches_data() {
    let app = spawn_demo_app().await;
    let refs = "ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name
        ofType { name ofType { name ofType { name } } } } } } } } }";
    // Alone, deep type references are introspection and fine...
    let schema_only = format!("{{ __schema {{ types {{ fields {{ type {{ {refs} }} }} }} }} }}");
    let body = app.graphql(&schema_only, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    // ...but with a data field beside them, or hidden in a fragment, the data limits apply.
    for query in [
        format!("{{ apiVersion __schema {{ types {{ fields {{ type {{ {refs} }} }} }} }} }}"),
        format!(
            "{{ ...Data __schema {{ types {{ fields {{ type {{ {refs} }} }} }} }} }}
             fragment Data on QueryRoot {{ health {{ up }} }}"
        ),
        format!(
            "{{ ... on QueryRoot {{ me {{ kind }} }} __schema {{ types {{ fields {{ type {{ {refs} }} }} }} }} }}"
        ),
    ] {
        let body = app.graphql(&query, json!({})).await;
        let (code, message) = first_error(&body);
        assert_eq!(code, "QUERY_TOO_COMPLEX", "{query}: {body}");
        assert!(message.contains("nested too deep"), "{body}");
        assert!(body["data"].is_null(), "{body}");
    }
}

#[tokio::test]
async fn a_body_that_is_not_a_graphql_request_is_answered_with_a_code() {
    let app = spawn_demo_app().await;
    for (content_type, body, code) in [
        ("application/json", "{not json", "BAD_REQUEST"),
        (
            "application/json",
            "[{\"query\": \"{ apiVersion }\"}]",
            "BAD_REQUEST",
        ),
        ("text/plain", "{ apiVersion }", "BAD_REQUEST"),
        (
            "application/json",
            "{\"variables\": {}}",
            "GRAPHQL_PARSE_FAILED",
        ),
    ] {
        let response = app
            .client
            .post(app.url("/graphql"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("an answer");
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        assert!(!status.is_server_error(), "{body}: {status}");
        assert_eq!(
            answer["errors"][0]["extensions"]["code"], code,
            "{body}: {answer}"
        );
        if code == "BAD_REQUEST" {
            assert_eq!(status, 400, "{body}");
        }
    }
}
