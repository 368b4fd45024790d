#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Builds AdaPlugin: the solution, the NativeAOT VST3 bundle (where a plugin project exists), and runs the tests.
.DESCRIPTION
  Run from a fresh clone with:  dotnet tool restore && dotnet pwsh build.ps1 [-Test]
  Works on Linux and Windows (PowerShell 7, provided as a dotnet local tool pinned in .config/dotnet-tools.json).
.PARAMETER Configuration
  Debug or Release (default Release).
.PARAMETER Test
  Run every test project after building and print one summary line: "Tests: N passed, N failed, N skipped".
.PARAMETER Filter
  Optional `dotnet test --filter` expression (with -Test).
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [switch] $Test,
    [string] $Filter = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$artifacts = Join-Path $root 'artifacts'
$solution = Join-Path $root 'AdaPlugin.sln'

function Invoke-Step([string] $title, [scriptblock] $body) {
    Write-Host "==> $title" -ForegroundColor Cyan
    & $body
    if ($LASTEXITCODE -ne 0) { throw "$title failed (exit code $LASTEXITCODE)" }
}

Invoke-Step 'build solution' { dotnet build $solution -c $Configuration --nologo -v minimal }

$pluginProject = Join-Path $root 'plugin/AdaPlugin/AdaPlugin.csproj'
$bundle = $null
if (Test-Path $pluginProject) {
    $rid = if ($IsWindows) { 'win-x64' } else { 'linux-x64' }
    $publishDir = Join-Path $artifacts "plugin/$rid"
    Invoke-Step "publish VST3 plugin (NativeAOT, $rid)" {
        dotnet publish $pluginProject -c $Configuration -r $rid --nologo -v minimal -o $publishDir
    }
    $bundle = Join-Path $artifacts 'AdaPlugin.vst3'
    $arch = if ($IsWindows) { 'x86_64-win' } else { 'x86_64-linux' }
    $binary = if ($IsWindows) { 'AdaPlugin.vst3' } else { 'AdaPlugin.so' }
    $contents = Join-Path $bundle "Contents/$arch"
    New-Item -ItemType Directory -Force -Path $contents | Out-Null
    $built = if ($IsWindows) { 'AdaPlugin.dll' } else { 'AdaPlugin.so' }
    Copy-Item (Join-Path $publishDir $built) (Join-Path $contents $binary) -Force
}

if ($Test) {
    $results = Join-Path $artifacts 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    $testArgs = @('test', $solution, '-c', $Configuration, '--no-build', '--nologo', '--results-directory', $results)
    if ($Filter) { $testArgs += @('--filter', $Filter) }
    Write-Host '==> test' -ForegroundColor Cyan
    $passed = 0; $failed = 0; $skipped = 0
    # VSTest prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N" line per test project.
    & dotnet @testArgs | ForEach-Object {
        Write-Host $_
        if ($_ -match '(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)') {
            $failed += [int]$Matches[2]; $passed += [int]$Matches[3]; $skipped += [int]$Matches[4]
        }
    }
    $testExit = $LASTEXITCODE
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($testExit -ne 0 -or $failed -gt 0) { exit 1 }
    if ($passed -eq 0) { Write-Error 'no test ran'; exit 1 }
}

Write-Host ''
Write-Host 'Artifacts:' -ForegroundColor Green
Write-Host "  ada CLI:     $(Join-Path $root "src/Ada.Cli/bin/$Configuration/net10.0")  (run: dotnet run --project src/Ada.Cli -c $Configuration -- --help)"
if ($bundle) { Write-Host "  VST3 bundle: $bundle" }
