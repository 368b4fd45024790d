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
.PARAMETER Install
  After building, install for the current user: the VST3 bundle into the user's VST3 folder, the generator service
  (`ada`, published), models and presets into the user data folder, and the plug-in's config file that tells it where
  they are and how to start the service. An existing, different config is kept as config.json.bak.
.PARAMETER NoBuild
  With -Install: install what an earlier build left in artifacts/ instead of building first.
.PARAMETER Vst3Dir
  With -Install: the VST3 folder (default ~/.vst3 on Linux, %LOCALAPPDATA%\Programs\Common\VST3 on Windows).
.PARAMETER DataDir
  With -Install: where the service, models and presets go (default $XDG_DATA_HOME/AdaPlugin or ~/.local/share/AdaPlugin;
  %LOCALAPPDATA%\AdaPlugin on Windows).
.PARAMETER ConfigDir
  With -Install: where config.json goes (default $XDG_CONFIG_HOME/AdaPlugin or ~/.config/AdaPlugin; %APPDATA%\AdaPlugin).
  The plug-in reads it from there, or from the file named by ADA_PLUGIN_CONFIG.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [switch] $Test,
    [string] $Filter = '',
    [switch] $Install,
    [switch] $NoBuild,
    [string] $Vst3Dir = '',
    [string] $DataDir = '',
    [string] $ConfigDir = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$artifacts = Join-Path $root 'artifacts'
$solution = Join-Path $root 'AdaPlugin.sln'

function Invoke-Step([string] $title, [scriptblock] $body) {
    Write-Host "==> $title" -ForegroundColor Cyan
    $global:LASTEXITCODE = 0 # steps made of cmdlets only never set it
    & $body
    if ($LASTEXITCODE -ne 0) { throw "$title failed (exit code $LASTEXITCODE)" }
}

$pluginProject = Join-Path $root 'plugin/AdaPlugin/AdaPlugin.csproj'
$bundle = Join-Path $artifacts 'AdaPlugin.vst3'
if ($NoBuild -and -not $Install) { throw '-NoBuild only makes sense with -Install' }
if (-not $NoBuild) {
    Invoke-Step 'build solution' { dotnet build $solution -c $Configuration --nologo -v minimal }
}
if (-not $NoBuild -and (Test-Path $pluginProject)) {
    $rid = if ($IsWindows) { 'win-x64' } else { 'linux-x64' }
    $publishDir = Join-Path $artifacts "plugin/$rid"
    Invoke-Step "publish VST3 plugin (NativeAOT, $rid)" {
        dotnet publish $pluginProject -c $Configuration -r $rid --nologo -v minimal -o $publishDir
    }
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

function Get-UserFolder([string] $given, [string] $xdgVariable, [string] $linuxDefault, [string] $windowsBase) {
    if ($given) { return [IO.Path]::GetFullPath($given) }
    if ($IsWindows) { return Join-Path $windowsBase 'AdaPlugin' }
    $xdg = [Environment]::GetEnvironmentVariable($xdgVariable)
    if ($xdg) { return Join-Path $xdg 'AdaPlugin' }
    return Join-Path $HOME $linuxDefault
}

# Copies a folder to a temp name beside the target, then swaps it in, so an interrupted install never leaves half a folder.
function Copy-Replace([string] $from, [string] $to) {
    $staging = "$to.installing"
    Remove-Item -Recurse -Force $staging -ErrorAction SilentlyContinue
    Copy-Item -Recurse $from $staging
    Remove-Item -Recurse -Force $to -ErrorAction SilentlyContinue
    Move-Item $staging $to
}

if ($Install) {
    if (-not (Test-Path $bundle)) { throw "no VST3 bundle at ${bundle}: build first (without -NoBuild)" }
    $vst3 = if ($Vst3Dir) { [IO.Path]::GetFullPath($Vst3Dir) } elseif ($IsWindows) { Join-Path $env:LOCALAPPDATA 'Programs/Common/VST3' } else { Join-Path $HOME '.vst3' }
    $data = Get-UserFolder $DataDir 'XDG_DATA_HOME' '.local/share/AdaPlugin' $env:LOCALAPPDATA
    $config = Get-UserFolder $ConfigDir 'XDG_CONFIG_HOME' '.config/AdaPlugin' $env:APPDATA
    New-Item -ItemType Directory -Force -Path $vst3, $data, $config | Out-Null

    Invoke-Step 'install VST3 bundle' { Copy-Replace $bundle (Join-Path $vst3 'AdaPlugin.vst3') }
    $serviceStaging = Join-Path $artifacts 'service'
    Invoke-Step 'publish generator service (ada)' {
        dotnet publish (Join-Path $root 'src/Ada.Cli') -c Release --nologo -v minimal -o $serviceStaging
    }
    Invoke-Step 'install service, models and presets' {
        Copy-Replace $serviceStaging (Join-Path $data 'service')
        Copy-Replace (Join-Path $root 'models') (Join-Path $data 'models')
        Copy-Replace (Join-Path $root 'presets') (Join-Path $data 'presets')
    }
    $presets = Join-Path $data 'presets'
    $program = Join-Path $data ($IsWindows ? 'service/ada.exe' : 'service/ada')
    $settings = [ordered]@{
        presets = $presets
        serviceCommand = @($program, 'serve', '--presets', $presets)
    } | ConvertTo-Json
    $configFile = Join-Path $config 'config.json'
    if ((Test-Path $configFile) -and (Get-Content -Raw $configFile).Trim() -ne $settings.Trim()) {
        Copy-Item $configFile "$configFile.bak" -Force
        Write-Host "  kept the previous config as $configFile.bak"
    }
    Set-Content -Path "$configFile.tmp" -Value $settings -NoNewline
    Move-Item -Force "$configFile.tmp" $configFile
    Write-Host ''
    Write-Host 'Installed:' -ForegroundColor Green
    Write-Host "  VST3 bundle: $(Join-Path $vst3 'AdaPlugin.vst3')"
    Write-Host "  service:     $program (started by the plug-in on demand; or run: $program serve --presets $presets)"
    Write-Host "  presets:     $presets"
    Write-Host "  config:      $configFile"
    exit 0
}

Write-Host ''
Write-Host 'Artifacts:' -ForegroundColor Green
Write-Host "  ada CLI:     $(Join-Path $root "src/Ada.Cli/bin/$Configuration/net10.0")  (run: dotnet run --project src/Ada.Cli -c $Configuration -- --help)"
if (Test-Path $bundle) { Write-Host "  VST3 bundle: $bundle" }
