//! Shared widgets: the page layout, the error summary and the schema-driven form fields.

pub mod account_field;
pub mod answer_rows;
pub mod error_summary;
pub mod fields;
pub mod layout;
pub mod print_button;
pub mod procedure_facts;
pub mod seen_list;
pub mod server_error;
pub mod staff_bar;
pub mod withdraw_form;
