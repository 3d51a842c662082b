; Inno Setup 6 script of Carnet COOP: a per-user install that needs no administrator rights.
;
; Built by `python installers/build.py` on Windows (it passes the defines below), or by hand:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=..\dist\carnet-coop installers\windows\carnet-coop.iss
; Optional defines:
;   /DCaFile=C:\path\organisation-ca.pem   bake the organisation's CA certificate into the installer
;   /DIconFile=C:\path\carnet-coop.ico     setup icon (build.py converts resources/icons/*.png)
; At install time IT can also pass the CA file instead of baking it in (silent deployment):
;   carnet-coop-0.1.0-setup.exe /VERYSILENT /CAFILE="\\serveur\partage\organisation-ca.pem"
; Either way the certificate lands beside the app as {app}\organisation-ca.pem.
;
; The uninstaller removes the program only. The user's profile (%LOCALAPPDATA%\CQCM\carnet-coop,
; which holds field notes that may not be synced yet) is kept unless the user ticks the question
; asked at uninstall time; a silent uninstall always keeps it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\carnet-coop"
#endif
#define AppName "Carnet COOP"
#define AppExe "carnet-coop.exe"
#define ProfileDir "{localappdata}\CQCM\carnet-coop"

[Setup]
AppId={{6F0B7C2E-3A53-4C47-9A0D-2C1E5B7D9F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Conseil québécois de la coopération et de la mutualité (CQCM)
AppPublisherURL=https://www.cqcm.coop
; Per-user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
OutputBaseFilename=carnet-coop-{#AppVersion}-setup
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
; Code signing (see installers/README.md): configure a sign tool named "signtool" in the IDE or
; pass /Ssigntool="signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 $f"
; and uncomment:
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef CaFile
Source: "{#CaFile}"; DestDir: "{app}"; DestName: "organisation-ca.pem"; Flags: ignoreversion
#endif
; CA file given on the setup command line (/CAFILE=...); skipped when absent.
Source: "{param:CAFILE|}"; DestDir: "{app}"; DestName: "organisation-ca.pem"; Flags: external skipifsourcedoesntexist ignoreversion; Check: HasCaParameter

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\Vérifier l'installation de {#AppName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\coordinator-app-cli.exe"" self-test"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only files the program folder may gain after installation; never the profile (see [Code]).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[CustomMessages]
french.DeleteProfile=Supprimer aussi votre profil Carnet COOP (visites, notes, pièces jointes) ?%n%nLes données non synchronisées seront perdues. Répondez Non pour les conserver.
english.DeleteProfile=Also delete your Carnet COOP profile (visits, notes, attachments)?%n%nData not yet synced will be lost. Answer No to keep it.

[Code]
function HasCaParameter: Boolean;
begin
  Result := ExpandConstant('{param:CAFILE|}') <> '';
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Profile: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Profile := ExpandConstant('{#ProfileDir}');
    { Keep the profile unless the user explicitly asks; a silent uninstall never deletes it. }
    if DirExists(Profile) and not UninstallSilent then
      if MsgBox(CustomMessage('DeleteProfile'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(Profile, True, True, True);
  end;
end;
