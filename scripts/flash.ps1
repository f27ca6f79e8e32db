# Flashes an ESP32 with the nanoFramework firmware and deploys the Edge.Asr application image,
# as nanoff.config describes (docs/device.md). The PowerShell twin of scripts/flash.sh: same
# options, same checks, same messages, same nanoff calls (flag names as in
# nanoFirmwareFlasher.Tool/Options.cs). Words are quoted PowerShell-style in printed commands.
#
#   scripts/flash.ps1 [--config PATH] [--dry-run] [--update-only | --deploy-only]
#
# Exit codes: 0 done, 1 bad config, 2 bad command line, 3 nanoff missing, otherwise the exit code
# of the nanoff call that failed. (Not run by CI: PowerShell is not in Debian's repositories.)
$ErrorActionPreference = 'Stop'
$me = 'flash.ps1'
$usage = 'usage: scripts/flash.ps1 [--config PATH] [--dry-run] [--update-only | --deploy-only]'

function Fail([int]$code, [string]$message) {
    [Console]::Error.WriteLine("${me}: $message")
    exit $code
}

$config = Join-Path (Split-Path -Parent $PSScriptRoot) 'nanoff.config'
$dryRun = $false
$doUpdate = $true
$doDeploy = $true
for ($i = 0; $i -lt $args.Count; $i++) {
    switch -CaseSensitive ($args[$i]) {
        '--config' {
            if ($i + 1 -ge $args.Count -or [string]::IsNullOrEmpty($args[$i + 1])) { Fail 2 '--config needs a path' }
            $i++; $config = $args[$i]
        }
        '--dry-run' { $dryRun = $true }
        '--update-only' { $doDeploy = $false }
        '--deploy-only' { $doUpdate = $false }
        { $_ -eq '-h' -or $_ -eq '--help' } { Write-Output $usage; exit 0 }
        default { Fail 2 "unknown option '$($args[$i])' ($usage)" }
    }
}
if (-not $doUpdate -and -not $doDeploy) { Fail 2 '--update-only and --deploy-only exclude each other' }

# nanoff's ESP32 targets (there is no plain ESP32_S3).
$targets = @('ESP32_PSRAM_REV0', 'ESP32_PSRAM_REV3', 'ESP32_REV0', 'ESP32_REV3', 'ESP32_S3_QUAD',
    'ESP32_S3_OCTAL', 'ESP32_C3', 'ESP32_C6_THREAD', 'ESP32_P4')
# Rates the ESP32 serial bootloader handles with the usual USB-UART bridges; nanoff's default is 1500000.
$bauds = @(115200, 230400, 460800, 921600, 1500000, 2000000)
$fields = @('target', 'serialPort', 'baud', 'firmwareVersion', 'image')

function Bad([string]$message) { Fail 1 "${config}: $message" }
function Show-Json($value) { if ($null -eq $value) { 'null' } else { ConvertTo-Json -InputObject $value -Compress } }

if (-not (Test-Path -LiteralPath $config -PathType Leaf)) { Fail 1 "config file not found: $config" }
$text = Get-Content -LiteralPath $config -Raw -Encoding utf8
try {
    if ([string]::IsNullOrWhiteSpace($text)) { throw 'the file is empty' }
    $json = ConvertFrom-Json -InputObject $text
} catch {
    Bad "not valid JSON: $($_.Exception.Message -replace '\r?\n', ' ')"
}
if ($json -isnot [System.Management.Automation.PSCustomObject]) {
    Bad ('not valid config: the top level must be a JSON object with fields ' + ($fields -join ', '))
}
$names = @($json.PSObject.Properties | ForEach-Object { $_.Name })
foreach ($key in $names) {
    if ($fields -cnotcontains $key) { Bad "unknown field `"$key`" (the fields are $($fields -join ', '))" }
}
foreach ($key in $fields) {
    if ($names -cnotcontains $key) { Bad "missing field `"$key`"" }
}

function Get-StringField([string]$key) {
    $value = $json.$key
    if ($value -isnot [string] -or [string]::IsNullOrWhiteSpace($value)) {
        Bad "field `"$key`" must be a non-empty string, got $(Show-Json $value)"
    }
    if ($value -cne $value.Trim() -or $value.Contains("`n")) {
        Bad "field `"$key`" has leading/trailing spaces or a line break: $(Show-Json $value)"
    }
    return $value
}

$target = Get-StringField 'target'
if ($targets -cnotcontains $target) { Bad "field `"target`" must be one of $($targets -join ', '); got $(Show-Json $target)" }
$port = Get-StringField 'serialPort'
$baud = $json.baud
if (-not ($baud -is [int] -or $baud -is [long]) -or $bauds -notcontains $baud) {
    Bad "field `"baud`" must be one of $($bauds -join ', '); got $(Show-Json $baud)"
}
$version = Get-StringField 'firmwareVersion'
if ($version -cne 'latest' -and $version -notmatch '^\d+\.\d+\.\d+\.\d+$') {
    Bad "field `"firmwareVersion`" must be `"latest`" or a version like 1.12.0.53; got $(Show-Json $version)"
}
$image = Get-StringField 'image'
if (-not $image.ToLowerInvariant().EndsWith('.bin')) {
    Bad "field `"image`" must name the .bin deployment image the build writes; got $(Show-Json $image)"
}
$configDir = Split-Path -Parent ([System.IO.Path]::GetFullPath($config))
$resolved = [System.IO.Path]::GetFullPath((Join-Path $configDir $image))
if ($doDeploy -and -not $dryRun -and -not (Test-Path -LiteralPath $resolved -PathType Leaf)) {
    Bad "field `"image`": $resolved does not exist (build Edge.Asr.nfproj first; --dry-run does not need it)"
}

$common = @('--platform', 'esp32', '--target', $target, '--serialport', $port, '--baud', "$baud")
$update = $common + @('--update')
if ($version -cne 'latest') { $update += @('--fwversion', $version) }
$deploy = $common + @('--deploy', '--image', $resolved)

# One command per line, each word quoted only when the shell needs it.
function Show-Command([string[]]$words) {
    $out = @('nanoff')
    foreach ($word in $words) {
        if ($word -match '^[A-Za-z0-9_./:=@%+,\\-]+$') { $out += $word } else { $out += "'" + $word.Replace("'", "''") + "'" }
    }
    return ($out -join ' ')
}

if ($dryRun) {
    if ($doUpdate) { Write-Output (Show-Command $update) }
    if ($doDeploy) { Write-Output (Show-Command $deploy) }
    exit 0
}

if (-not (Get-Command nanoff -ErrorAction SilentlyContinue)) {
    Fail 3 'nanoff not found on PATH; install it with: dotnet tool install -g nanoff (then add ~/.dotnet/tools to PATH)'
}
function Invoke-Nanoff([string[]]$words) {
    Write-Output "${me}: running: $(Show-Command $words)"
    & nanoff @words
    if ($LASTEXITCODE -ne 0) { Fail $LASTEXITCODE "nanoff failed with exit code ${LASTEXITCODE}: $(Show-Command $words)" }
}
if ($doUpdate) { Invoke-Nanoff $update }
if ($doDeploy) { Invoke-Nanoff $deploy }
exit 0
