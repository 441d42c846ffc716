//! The use cases of motcua, each a function with a typed input and a typed result or error:
//! what a citizen, an officer or an admin can do, decided with the domain's rules and
//! written with the store. No HTTP and no UI: the axum handlers and Leptos server functions
//! read a request, call one of these, and render or redirect.
//!
//! The moment and the deployment's settings are arguments, never globals, so every test can
//! choose them; the servers take the moment from a [`clock::Clock`], its one source.

pub mod accounts;
pub mod admin_views;
pub mod audit;
pub mod calendar;
pub mod citizen;
pub mod citizen_access;
pub mod clock;
pub mod dossier_view;
pub mod filing;
pub mod limits;
pub mod lookup;
pub mod queues;
pub mod rating;
pub mod scan;
pub mod slips;
pub mod staff_file;
pub mod supplement;
pub mod upload;
pub mod withdraw;
pub mod workflow;
