crate::operations!("src/pages/child/language/ops.graphql" => SetMyLanguage, MyLanguage);
