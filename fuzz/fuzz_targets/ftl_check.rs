#![no_main]
//! See `gazette_fuzz::ftl_check`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| gazette_fuzz::ftl_check(data));
