//! A measure as a server-rendered SVG chart with its figures in a table beside it.
use leptos::prelude::*;

use super::{Oversight, Series, Unit};

#[component]
pub fn Charts(oversight: Oversight) -> impl IntoView {
    let months = oversight.months.clone();
    oversight
        .series
        .into_iter()
        .enumerate()
        .map(|(i, series)| view! { <Measure index=i series months=months.clone() /> })
        .collect_view()
}

/// Chart area in SVG units; the SVG scales to its box.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 10.0;

#[component]
fn Measure(index: usize, series: Series, months: Vec<String>) -> impl IntoView {
    let title_id = format!("measure-{index}");
    let desc_id = format!("measure-{index}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let known: Vec<f64> = series.values.iter().flatten().copied().collect();
    let top = match series.unit {
        Unit::Percent => 100.0,
        _ => nice_ceiling(known.iter().copied().fold(0.0, f64::max)),
    };
    let plot_w = WIDTH - LEFT - 8.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let step = plot_w / months.len().max(1) as f64;
    let x = move |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = move |v: f64| TOP + plot_h * (1.0 - v / top);
    let summary = match (known.first(), known.last()) {
        (Some(first), Some(last)) if known.len() > 1 => format!(
            "From {} to {}: {} in the first month with data, {} in the last.",
            months.first().cloned().unwrap_or_default(),
            months.last().cloned().unwrap_or_default(),
            series.unit.show(*first),
            series.unit.show(*last)
        ),
        (Some(only), _) => format!("One month with data: {}.", series.unit.show(*only)),
        _ => "No data in this period.".to_owned(),
    };
    let bars = series.unit == Unit::Count;
    // Lines join neighbouring months that both have a value; a gap means nothing to measure.
    let segments: Vec<(f64, f64, f64, f64)> = series
        .values
        .windows(2)
        .filter(|_| !bars)
        .enumerate()
        .filter_map(|(i, pair)| match (pair[0], pair[1]) {
            (Some(a), Some(b)) => Some((x(i), y(a), x(i + 1), y(b))),
            _ => None,
        })
        .collect();
    let ticks = [0.0, top / 2.0, top];
    // Every month labelled when they fit, otherwise every third.
    let label_every = if months.len() > 12 { 3 } else { 1 };
    let unit = series.unit;
    view! {
        <section class="measure" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{series.title.clone()}</h2>
            <div class="measure-body">
                <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled_by class="chart">
                    <desc id=desc_id>{summary}</desc>
                    {ticks.iter().map(|t| view! {
                        <line x1=LEFT x2=WIDTH - 8.0 y1=y(*t) y2=y(*t) class="grid" />
                        <text x=LEFT - 6.0 y=y(*t) + 4.0 class="axis" text-anchor="end">{tick(*t, unit)}</text>
                    }).collect_view()}
                    {months.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, m)| view! {
                        <text x=x(i) y=HEIGHT - 8.0 class="axis" text-anchor="middle">{m.split(' ').next().unwrap_or_default().to_owned()}</text>
                    }).collect_view()}
                    {segments.into_iter().map(|(x1, y1, x2, y2)| view! {
                        <line x1=x1 y1=y1 x2=x2 y2=y2 class="line" />
                    }).collect_view()}
                    {series.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).map(|(i, v)| {
                        if bars {
                            let w = (step * 0.6).max(2.0);
                            view! { <rect x=x(i) - w / 2.0 y=y(v) width=w height=(TOP + plot_h - y(v)).max(0.0) class="bar" /> }.into_any()
                        } else {
                            view! { <circle cx=x(i) cy=y(v) r="4" class="point" /> }.into_any()
                        }
                    }).collect_view()}
                </svg>
                <table class="figures">
                    <caption class="visually-hidden">{series.title.clone()} " by month"</caption>
                    <thead><tr><th scope="col">"Month"</th><th scope="col" class="number">"Figure"</th></tr></thead>
                    <tbody>
                        {months.iter().zip(series.values.iter()).map(|(m, v)| view! {
                            <tr>
                                <th scope="row">{m.clone()}</th>
                                <td>{v.map(|v| unit.show(v)).unwrap_or_else(|| "–".to_owned())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// An axis label: whole numbers without decimals, percentages with their sign.
fn tick(value: f64, unit: Unit) -> String {
    let number = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match unit {
        Unit::Percent => format!("{number}%"),
        _ => number,
    }
}

/// A round axis top at or above `max`: 1, 2 or 5 times a power of ten (at least 1).
fn nice_ceiling(max: f64) -> f64 {
    if max <= 1.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|top| *top >= max)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::{Unit, nice_ceiling, tick};

    #[test]
    fn axis_labels_keep_halves_and_mark_percentages() {
        assert_eq!(tick(2.5, Unit::Count), "2.5");
        assert_eq!(tick(50.0, Unit::Percent), "50%");
        assert_eq!(tick(10.0, Unit::WorkingDays), "10");
    }

    #[test]
    fn the_axis_top_is_round_and_never_below_the_data() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(7.5), 10.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(200.0), 200.0);
    }
}
