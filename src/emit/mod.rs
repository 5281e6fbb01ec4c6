//! Consumers of the parsed [`crate::Document`]: nothing in the parser imports these.
//! [`json`] writes the model, [`flat`] the same outline as typed columns for the web component,
//! [`outline`] a plain-text rendering for the CLI and the tests' reviewed files.

pub mod flat;
pub mod json;
pub mod outline;
