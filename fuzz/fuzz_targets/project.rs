#![no_main]
//! See `gazette_fuzz::project`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| gazette_fuzz::project(data));
