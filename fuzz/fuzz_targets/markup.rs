#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| patient_info_fuzz::markup(data));
