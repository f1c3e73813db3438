using Syscope.Stacks.Symbols;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Stacks;

/// <summary>Rust's two symbol manglings read as strace (libiberty) prints them: the expected names
/// are `c++filt -i`'s (binutils 2.40), but for punycode, which it does not read (the identifier encoded by Python's punycode codec).</summary>
public class RustDemanglerTests
{
    [Theory]
    [InlineData("_RNvCs6GmmlP4bgsG_1r4main", "r::main")]
    [InlineData("_RNvC6_123foo3bar", "123foo::bar")]
    [InlineData("_RNvXss_NtCsgEmfK2I1SDS_4core3fmtuNtB5_5Debug3fmt", "<() as core::fmt::Debug>::fmt")]
    [InlineData("_RNvXsZ_NtCslNYArtu3iFV_5alloc6stringNtB5_6StringNtNtCsgEmfK2I1SDS_4core3fmt5Write10write_char",
        "<alloc::string::String as core::fmt::Write>::write_char")]
    [InlineData("_RNvMs3_NtCslNYArtu3iFV_5alloc7raw_vecINtB5_6RawVecNtNtNtNtNtCsjrHSEGnQ3l9_3std12backtrace_rs9symbolize5gimli4mmap4MmapE8grow_oneBW_",
        "<alloc::raw_vec::RawVec<std::backtrace_rs::symbolize::gimli::mmap::Mmap>>::grow_one")]
    [InlineData("_RINvMs4_NtCsgY6Mt91CT9J_14rustc_demangle2v0NtB6_7Printer14print_sep_listNvB2_15print_dyn_traitEB8_",
        "<rustc_demangle::v0::Printer>::print_sep_list::<<rustc_demangle::v0::Printer>::print_dyn_trait>")]
    [InlineData("_RINvNtCsgEmfK2I1SDS_4core3ptr13drop_in_placeINtNtCslNYArtu3iFV_5alloc5boxed3BoxDG0_INtNtNtB4_3ops8function2FnTRL1_INtNtCsjrHSEGnQ3l9_3std5panic13PanicHookInfoL0_EEEp6OutputuNtNtB4_6marker4SyncNtB2N_4SendEL_EEB1T_",
        "core::ptr::drop_in_place::<alloc::boxed::Box<dyn for<'a, 'b> core::ops::function::Fn<(&'a std::panic::PanicHookInfo<'b>,), Output = ()> + core::marker::Sync + core::marker::Send>>")]
    [InlineData("_RNSNvYNCINvMs0_NtNtCsjrHSEGnQ3l9_3std4sync4onceNtBd_4Once9call_onceNCNvNtBh_2rt7cleanup0E0INtNtNtCsgEmfK2I1SDS_4core3ops8function6FnOnceTRNtBd_9OnceStateEE9call_once6vtableBh_",
        "<<std::sync::once::Once>::call_once<std::rt::cleanup::{closure#0}>::{closure#0} as core::ops::function::FnOnce<(&std::sync::once::OnceState,)>>::call_once::{shim:vtable#0}")]
    [InlineData("_RNCNvCs1234_3foo3bar0B3_", "foo::bar::{closure#0}")]
    [InlineData("_RNvCs1234_3foo3bar.llvm.123", "foo::bar")]
    [InlineData("_RINvCs1234_3foo3barKj5_E", "foo::bar::<5>")]
    [InlineData("_RINvCs1234_3foo3barKan5_E", "foo::bar::<-5>")]
    [InlineData("_RINvCs1234_3foo3barKc61_E", "foo::bar::<'a'>")]
    [InlineData("_RINvCs1234_3foo3barKb1_E", "foo::bar::<true>")]
    [InlineData("_RINvCs1234_3foo3barFG0_RL0_hEuE", "foo::bar::<for<'a, 'b> fn(&'b u8)>")]
    [InlineData("_RINvCs1234_3foo3barDNtCs1_4core3AnyEL_E", "foo::bar::<dyn core::Any>")]
    [InlineData("_RINvCs1234_3foo3barAhj3_E", "foo::bar::<[u8; 3]>")]
    [InlineData("_RINvCs1234_3foo3barRL_ReE", "foo::bar::<&&str>")]
    [InlineData("_RINvCs1234_3foo3barTjhEE", "foo::bar::<(usize, u8)>")]
    [InlineData("_RINvCs1234_3foo3barThEE", "foo::bar::<(u8,)>")]
    [InlineData("_RINvCs1234_3foo3barFUKCEuE", "foo::bar::<unsafe extern \"C\" fn()>")]
    [InlineData("_RINvCs1234_3foo3barPhOtE", "foo::bar::<*const u8, *mut u16>")]
    [InlineData("_RNqCs4fqI2P2rA04_11utf8_identsu30____7hkackfecea1cbdathfdh9hlq6y", "utf8_idents::საჭმელად_გემრიელი_სადილი")]
    public void V0_names_read_as_strace_prints_them(string mangled, string expected) =>
        Assert.Equal(expected, Demangler.Demangle(mangled));

    [Theory]
    [InlineData("_ZN1r4repo10open_named17h960986144fbf8be3E", "r::repo::open_named")]
    [InlineData("_ZN1r4repo14Store$LT$T$GT$4load17he186aaa369f7df76E", "r::repo::Store<T>::load")]
    [InlineData("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17ha86af84d9cc65291E", "std::rt::lang_start::{{closure}}")]
    [InlineData("_ZN4core3ptr86drop_in_place$LT$core..result..Result$LT$std..fs..File$C$std..io..error..Error$GT$$GT$17h18d581ff7ab62c8aE",
        "core::ptr::drop_in_place<core::result::Result<std::fs::File,std::io::error::Error>>")]
    [InlineData("_ZN3foo3a.b17h0123456789abcdefE", "foo::a.b")]
    [InlineData("_ZN3foo3bar17h0123456789abcdefE.llvm.1234", "foo::bar")]
    public void Legacy_names_read_as_strace_prints_them_without_the_hash(string mangled, string expected) =>
        Assert.Equal(expected, Demangler.Demangle(mangled));

    [Theory]
    [InlineData("_RNvC3foo")]            // the identifier's bytes run out
    [InlineData("_RNvCs1234_3foo3barB0_")]   // a backreference to itself
    [InlineData("_RZ3foo")]
    [InlineData("_RNvCs1234_3foo3barKVNtC3foo1SU")]   // a struct constant: not read, stays mangled
    public void Malformed_or_unread_v0_names_stay_mangled(string mangled) =>
        Assert.Null(RustV0Demangler.Demangle(mangled));

    [Fact]
    public void A_cxx_name_is_not_taken_for_a_legacy_rust_one()
    {
        Assert.Null(RustLegacyDemangler.Demangle("_ZN3app10Repository4loadEPKci"));
        Assert.Null(RustLegacyDemangler.Demangle("_ZN3foo3barE"));
    }

    /// <summary>Every Rust symbol of a program rustc builds (its own and the standard library's,
    /// hundreds of generic instances) reads exactly as c++filt -i prints it.</summary>
    [NeedsTheory("rustc", "nm", "c++filt")]
    [InlineData("v0")]
    [InlineData("legacy")]
    public void Every_rust_symbol_of_a_built_program_reads_as_cxxfilt_prints_it(string mangling)
    {
        string program = RustPrograms.Build(mangling);
        var names = Runner.Run("nm", ["--defined-only", program]).Stdout.Split('\n')
            .Select(l => l.Split(' ')).Where(p => p.Length == 3).Select(p => p[2])
            .Where(n => n.StartsWith("_R") || RustLegacyDemangler.Demangle(n) != null).Distinct().ToList();
        Assert.True(names.Count > 100, $"{names.Count} Rust symbols");
        string list = CPrograms.TempFile("rust-names");
        File.WriteAllLines(list, names);
        var filt = Runner.Run("sh", ["-c", $"c++filt -i < {list}"]);
        File.Delete(list);
        var expected = filt.Stdout.Split('\n');
        int compared = 0;
        for (int i = 0; i < names.Count; i++)
        {
            // libiberty leaves names with punycode or over-long integer constants raw; ours may not.
            if (expected[i] == names[i]) continue;
            Assert.Equal(expected[i], Demangler.Demangle(names[i]));
            compared++;
        }
        Assert.True(compared > 100, $"{compared} names compared");
    }
}
