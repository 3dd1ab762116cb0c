//! Erlang C: the steady-state M/M/c queue, used as the theoretical lower bound of the pooled
//! system, to validate the simulator, and to size counters for the staffing advice.
//!
//! Notation: arrival rate `lambda` and service rate `mu` per minute, `c` counters, offered load
//! `a = lambda / mu` (in erlangs). The queue is stable only when `a < c`.

/// Probability that an arrival has to wait, `C(c, a)`; 1.0 when the system is unstable
/// (`a >= c`) and 0.0 when there is no load.
///
/// Computed through the Erlang B recursion, which stays accurate for large `c`.
pub fn erlang_c(c: u32, a: f64) -> f64 {
    if a <= 0.0 {
        return 0.0;
    }
    if c == 0 || a >= f64::from(c) {
        return 1.0;
    }
    let mut b = 1.0;
    for k in 1..=c {
        b = a * b / (f64::from(k) + a * b);
    }
    let c = f64::from(c);
    c * b / (c - a * (1.0 - b))
}

/// Mean wait in queue (minutes) of M/M/c; infinite when unstable.
pub fn mean_wait(c: u32, lambda: f64, mu: f64) -> f64 {
    if lambda <= 0.0 {
        return 0.0;
    }
    let a = lambda / mu;
    if a >= f64::from(c) {
        return f64::INFINITY;
    }
    erlang_c(c, a) / (f64::from(c) * mu - lambda)
}

/// `P(W > t)` for M/M/c: `C(c, a) · e^{-(cμ-λ)t}`; 1.0 when unstable.
pub fn prob_wait_exceeds(c: u32, lambda: f64, mu: f64, t: f64) -> f64 {
    if lambda <= 0.0 {
        return 0.0;
    }
    let a = lambda / mu;
    if a >= f64::from(c) {
        return 1.0;
    }
    erlang_c(c, a) * (-(f64::from(c) * mu - lambda) * t).exp()
}

/// The `q`-quantile of the wait (e.g. `q = 0.9` for p90), minutes; infinite when unstable.
pub fn wait_quantile(c: u32, lambda: f64, mu: f64, q: f64) -> f64 {
    if lambda <= 0.0 {
        return 0.0;
    }
    let a = lambda / mu;
    if a >= f64::from(c) {
        return f64::INFINITY;
    }
    let pc = erlang_c(c, a);
    let tail = 1.0 - q;
    if pc <= tail {
        0.0
    } else {
        (pc / tail).ln() / (f64::from(c) * mu - lambda)
    }
}

/// The fewest counters (at least `min`) whose wait quantile `q` stays at or under
/// `target_min`; `None` if even `max` counters do not reach it.
pub fn counters_for_quantile(
    lambda: f64,
    mu: f64,
    q: f64,
    target_min: f64,
    min: u32,
    max: u32,
) -> Option<u32> {
    (min..=max).find(|&c| wait_quantile(c, lambda, mu, q) <= target_min)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Direct textbook formula, for comparison with the recursion.
    fn erlang_c_direct(c: u32, a: f64) -> f64 {
        let mut sum = 0.0;
        let mut term = 1.0; // a^k / k!
        for k in 0..c {
            if k > 0 {
                term *= a / f64::from(k);
            }
            sum += term;
        }
        let top = term * a / f64::from(c) * f64::from(c) / (f64::from(c) - a);
        top / (sum + top)
    }

    #[test]
    fn mm1_waiting_probability_is_rho_and_mean_wait_is_textbook() {
        for rho in [0.1, 0.5, 0.8, 0.95] {
            assert!((erlang_c(1, rho) - rho).abs() < 1e-12);
            // M/M/1: Wq = rho / (mu - lambda).
            let (lambda, mu) = (rho * 0.2, 0.2);
            let expected = rho / (mu - lambda);
            assert!((mean_wait(1, lambda, mu) - expected).abs() < 1e-9);
        }
    }

    #[test]
    fn mm2_matches_closed_form() {
        // M/M/2 with utilisation rho: C = 2 rho^2 / (1 + rho).
        for rho in [0.3, 0.5, 0.9] {
            let expected = 2.0 * rho * rho / (1.0 + rho);
            assert!((erlang_c(2, 2.0 * rho) - expected).abs() < 1e-12);
        }
        assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn recursion_matches_direct_formula_and_published_value() {
        for (c, a) in [(3, 2.0), (10, 8.0), (25, 20.5), (7, 0.3)] {
            assert!(
                (erlang_c(c, a) - erlang_c_direct(c, a)).abs() < 1e-10,
                "c={c} a={a}"
            );
        }
        // Published call-centre example: 10 agents, 8 erlangs → P(wait) ≈ 0.409.
        assert!((erlang_c(10, 8.0) - 0.409).abs() < 0.001);
    }

    #[test]
    fn unstable_and_empty_systems() {
        assert_eq!(erlang_c(2, 2.0), 1.0);
        assert_eq!(erlang_c(3, 0.0), 0.0);
        assert!(mean_wait(2, 1.0, 0.5).is_infinite());
        assert_eq!(wait_quantile(1, 0.0, 0.2, 0.9), 0.0);
    }

    #[test]
    fn quantile_inverts_the_tail_probability() {
        let (c, lambda, mu) = (4, 0.7, 0.2);
        let t = wait_quantile(c, lambda, mu, 0.9);
        assert!(t > 0.0);
        assert!((prob_wait_exceeds(c, lambda, mu, t) - 0.1).abs() < 1e-9);
        let n = counters_for_quantile(lambda, mu, 0.9, 5.0, 1, 20);
        let n = n.unwrap();
        assert!(wait_quantile(n, lambda, mu, 0.9) <= 5.0);
        assert!(wait_quantile(n - 1, lambda, mu, 0.9) > 5.0);
    }
}
