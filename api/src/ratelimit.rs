//! Per-client rate limits for the operations anyone can call without an account.
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::{ApiError, ApiResult};

/// What is being limited; each has its own budget per client address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// Staff and child sign-in attempts.
    SignIn,
    /// Anonymous requests for an advocate.
    SelfReferral,
}

#[derive(Clone)]
pub struct RateLimits {
    sign_in: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    self_referral: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self::new(per_minute(20), per_minute(5))
    }
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl RateLimits {
    pub fn new(sign_in: Quota, self_referral: Quota) -> Self {
        Self {
            sign_in: Arc::new(DefaultKeyedRateLimiter::keyed(sign_in)),
            self_referral: Arc::new(DefaultKeyedRateLimiter::keyed(self_referral)),
        }
    }

    /// Spend one attempt from `bucket` for this client, or say how long to wait.
    pub fn check(&self, bucket: Bucket, client: IpAddr) -> ApiResult<()> {
        let limiter = match bucket {
            Bucket::SignIn => &self.sign_in,
            Bucket::SelfReferral => &self.self_referral,
        };
        limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_over_its_budget_is_told_to_wait_and_others_are_not() {
        let limits = RateLimits::new(per_minute(2), per_minute(1));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(limits.check(Bucket::SignIn, a).is_ok());
        assert!(limits.check(Bucket::SignIn, a).is_ok());
        assert!(
            matches!(limits.check(Bucket::SignIn, a), Err(ApiError::RateLimited { retry_after_secs }) if retry_after_secs >= 1)
        );
        assert!(limits.check(Bucket::SignIn, b).is_ok());
        assert!(
            limits.check(Bucket::SelfReferral, a).is_ok(),
            "buckets are separate"
        );
    }
}
