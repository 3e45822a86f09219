crate::operations!("src/pages/staff/social_worker/shared/ops.graphql" => ViewsSharedWithMe, SharedViews);
