# The portal image. Build from the repository root:  docker build -t edgeportal .
# Run:  docker run -p 8080:8080 -v edgeportal-data:/data edgeportal
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Rules.Core/Rules.Core.csproj Rules.Core/
COPY Edge.Handler/Edge.Handler.csproj Edge.Handler/
COPY Portal/Portal.csproj Portal/
RUN dotnet restore Portal/Portal.csproj
COPY Rules.Core/ Rules.Core/
COPY Edge.Handler/ Edge.Handler/
COPY Portal/ Portal/
RUN dotnet publish Portal/Portal.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Node.js runs the built handler for the local target and the request tester ("try it against what is live").
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    EdgePortal__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Portal.dll"]
