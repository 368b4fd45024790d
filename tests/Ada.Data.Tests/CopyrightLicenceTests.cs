namespace Ada.Data.Tests;

public class CopyrightLicenceTests
{
    private const string Dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: X\n\n";

    [Test]
    public void Dep5_short_name_of_the_main_files_is_used()
    {
        var text = Dep5 + "Files: *\nCopyright: 2020 A\nLicense: GPL-3+\n\nFiles: src/json/*\nCopyright: B\nLicense: Expat\n\nLicense: GPL-3+\n text\n";

        Assert.That(CopyrightLicence.Determine(text), Is.EqualTo("GPL-3+"));
    }

    [Test]
    public void Dep5_spdx_style_version_is_normalised()
    {
        var text = Dep5 + "Files: *\nCopyright: 2010 A\nLicense: GPL-2.0\n This package is free software; you can redistribute it\n under the GNU General Public License version 2.\n";

        Assert.That(CopyrightLicence.Determine(text), Is.EqualTo("GPL-2"));
    }

    [Test]
    public void Dep5_custom_name_is_classified_from_its_licence_paragraph()
    {
        var text = Dep5 + "Files: *\nCopyright: 2001 A\nLicense: game-license\n\nFiles: debian/*\nCopyright: B\nLicense: game-license\n\n"
            + "License: game-license\n Redistribution and use in source and binary forms, with or without\n modification, are permitted provided that\n"
            + " .\n * Neither the name of the project nor the names of its\n contributors may be used to endorse or promote products\n";

        Assert.That(CopyrightLicence.Determine(text), Is.EqualTo("BSD-3-clause"));
    }

    [Test]
    public void Free_form_file_is_classified_from_its_first_licence_section()
    {
        var text = "This package was debianized by someone.\n\nLicense:\n   This program is free software; under the terms of the GNU General Public License version 2\n"
            + "   or at your option any later version.\n\n   -----\n\n   Licensed under the Apache License, Version 2.0\n   GNU Lesser General Public License version 3\n";

        Assert.That(CopyrightLicence.Determine(text), Is.EqualTo("GPL-2+"));
    }

    [Test]
    public void Lesser_gpl_and_creative_commons_texts_are_recognised()
    {
        Assert.That(CopyrightLicence.Determine("License: under the GNU Lesser General Public License version 2.1 only"), Is.EqualTo("LGPL-2.1"));
        Assert.That(CopyrightLicence.Determine("License: Creative Commons Attribution-ShareAlike 3.0 Unported"), Is.EqualTo("CC-BY-SA-3.0"));
    }

    [Test]
    public void Unrecognised_text_is_unknown()
    {
        Assert.That(CopyrightLicence.Determine("License: you may look at it on Sundays"), Is.EqualTo(CopyrightLicence.Unknown));
    }
}
