#![no_main]
//! See `gazette_fuzz::article_toml`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| gazette_fuzz::article_toml(data));
